// Publishing an import whose notes show images that did not come along is refused, naming them,
// unless the author confirmed it (the preview's "publish without these images").
import { AppError } from "@strides/content";

export function requireImagesOrConsent(options: {
  missingImages: readonly { path: string }[];
  allowMissingImages: boolean;
}): void {
  if (options.missingImages.length === 0 || options.allowMissingImages) return;
  const names = [...new Set(options.missingImages.map((m) => m.path))];
  throw new AppError(
    "BAD_INPUT",
    `images: the notes show ${names.length} image(s) that are not in the upload (${names.join(", ")}); add them, or confirm publishing without them`,
    {
      field: "images",
      key: "imagesMissing",
      params: { count: names.length, names: names.join(", ") },
    },
  );
}
