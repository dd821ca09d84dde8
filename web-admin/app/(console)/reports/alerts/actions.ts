'use server';

import { revalidatePath } from 'next/cache';

import { runMutation, type ActionResult } from '@/lib/mutation';

import { AnomalyAlertAcknowledge } from './alerts.graphql';

/** anomalyAlertAcknowledge with what was found or done (an internal note). */
export async function acknowledgeAnomalyAlert(id: string, note: string): Promise<ActionResult<null>> {
  const result = await runMutation(AnomalyAlertAcknowledge, { input: { id, note: note.trim() || null } }, (d) => d.anomalyAlertAcknowledge, () => null);
  if (result.ok) revalidatePath('/reports/alerts');
  return result;
}
