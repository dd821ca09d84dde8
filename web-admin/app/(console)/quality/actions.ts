'use server';

import { revalidatePath } from 'next/cache';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { QualityAlertAcknowledge, QualitySettingsUpdate, type QualitySettingsUpdateInput } from './quality.graphql';

/** qualityAlertAcknowledge with what the catalog team did. */
export async function acknowledgeQualityAlert(id: string, note: string): Promise<ActionResult<null>> {
  const result = await runMutation(QualityAlertAcknowledge, { input: { id, note: note.trim() || null } }, (d) => d.qualityAlertAcknowledge, () => null);
  if (result.ok) revalidatePath('/quality');
  return result;
}

/** qualitySettingsUpdate with the rule as the form holds it. */
export async function saveQualitySettings(input: QualitySettingsUpdateInput): Promise<ActionResult<null>> {
  const result = await runMutation(QualitySettingsUpdate, { input }, (d) => d.qualitySettingsUpdate, () => null);
  if (result.ok) revalidatePath('/quality');
  return result;
}
