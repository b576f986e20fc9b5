// The web app manifest (/manifest.webmanifest): installable, opening on the review.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Strides",
    short_name: "Strides",
    description: "Spaced-repetition flashcards and computed exercises for deep learning",
    id: "/review",
    start_url: "/review",
    scope: "/",
    display: "standalone",
    background_color: "#fbfbfa",
    theme_color: "#2456d6",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
