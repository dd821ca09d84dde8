// Who may enter the quality queries and mutations, merged into the domain's permissions.
import { rules, type EntryPointRules } from '@shop/kit/shield';

/** Back-office work for the catalog team; the gateway checked catalog:read / catalog:write. */
export const qualityPermissions: EntryPointRules = {
  Query: { qualityAlerts: rules.operator, qualityAlert: rules.operator, qualitySettings: rules.operator },
  Mutation: { qualityAlertAcknowledge: rules.operator, qualitySettingsUpdate: rules.operator },
};
