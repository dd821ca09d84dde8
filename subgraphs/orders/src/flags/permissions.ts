// Who may enter the flag rules and holds, merged into the domain's permissions.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Flag rules and holds are back-office work; the gateway checked orders:read / orders:write. */
export const flagPermissions: EntryPointRules = {
  Query: { orderFlagRules: rules.operator },
  Mutation: { orderHold: rules.operator, orderRelease: rules.operator, orderFlagRulesUpdate: rules.operator },
};
