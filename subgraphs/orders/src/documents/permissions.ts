// Who may enter documentsPrint, merged into the domain's permissions.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Operators only (the gateway checked orders:write and members:read_pii); customers never print. */
export const documentPermissions: EntryPointRules = {
  Mutation: { documentsPrint: rules.operator },
};
