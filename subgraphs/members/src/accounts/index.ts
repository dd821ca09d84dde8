// What the rest of members imports about storefront accounts.
export {
  changePassword,
  customerLogin,
  customerLogout,
  customerSignUp,
  newPasswordProblem,
  type CustomerSession,
  type CustomerSignUpInput,
} from './service.js';
export { customerSession } from './tables.js';
