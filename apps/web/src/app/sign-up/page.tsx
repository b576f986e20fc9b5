import { SignUpForm } from "./sign-up-form";

export default function SignUpPage() {
  return (
    <div style={{ maxWidth: 420, margin: "2rem auto" }}>
      <SignUpForm />
    </div>
  );
}
