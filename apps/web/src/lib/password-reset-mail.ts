// better-auth's reset-by-mail flow for Strides: the mail (English and Korean in one), the audit
// rows (link mailed, password reset) and, after a reset, the account's API tokens revoked. Only
// configured when SMTP is; otherwise the sign-in page tells the learner to ask their instructor.
import { type Db, recordMailedReset, recordMailedResetLink } from "@strides/db";
import type { Mailer } from "./mailer";

/** How long a mailed link works (better-auth's default: one hour). */
export const MAILED_RESET_TTL_SECONDS = 60 * 60;

export function resetMailText(url: string): string {
  return [
    "Someone asked to reset the password of your Strides account.",
    "Open this link within an hour to choose a new password:",
    "",
    url,
    "",
    "If it was not you, ignore this mail: your password stays as it is.",
    "",
    "Strides 계정의 비밀번호 재설정이 요청되었습니다.",
    "한 시간 안에 위 링크를 열어 새 비밀번호를 정하세요.",
    "요청하지 않았다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.",
  ].join("\n");
}

export function passwordResetByMail(options: { db: Db; mailer: Mailer }) {
  const { db, mailer } = options;
  return {
    resetPasswordTokenExpiresIn: MAILED_RESET_TTL_SECONDS,
    sendResetPassword: async (data: {
      user: { id: string; email: string };
      url: string;
      token: string;
    }) => {
      const now = new Date();
      await recordMailedResetLink({
        db,
        userId: data.user.id,
        token: data.token,
        expiresAt: new Date(now.getTime() + MAILED_RESET_TTL_SECONDS * 1000),
        now,
      });
      // Not awaited: the answer must not take longer when the address exists.
      mailer
        .send({
          to: data.user.email,
          subject: "Strides: reset your password / 비밀번호 재설정",
          text: resetMailText(data.url),
        })
        .catch((error: unknown) => console.error("strides: the reset mail was not sent", error));
    },
    onPasswordReset: async (data: { user: { id: string } }) => {
      await recordMailedReset({ db, userId: data.user.id, now: new Date() });
    },
  };
}
