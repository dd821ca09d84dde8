/** Outcomes of an audit entry, as AuditEntry.outcome spells them. */
export const auditOutcomes = ['SUCCESS', 'USER_ERROR', 'FORBIDDEN', 'ERROR'] as const;

export type AuditOutcome = (typeof auditOutcomes)[number];

export function isAuditOutcome(value: string | null): value is AuditOutcome {
  return !!value && (auditOutcomes as readonly string[]).includes(value);
}
