// What the rest of members imports about password reset.
export {
  PASSWORD_RESET,
  SEND_PASSWORD_RESET_TASK,
  requestPasswordReset,
  resetPassword,
  sendPasswordReset,
  sendPasswordResetTask,
} from './service.js';
