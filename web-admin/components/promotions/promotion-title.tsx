/**
 * A promotion's (or rule's) title as written in whatever script: isolated from the text around it
 * and laid out by its own first strong character, so "رمضان كريم 15%" reads right to left with
 * "15%" at its end even on an English page, and a Latin title keeps its order on an Arabic one.
 */
export function PromotionTitle({ text, testId }: { text: string; testId?: string }) {
  return (
    <bdi dir="auto" data-testid={testId}>
      {text}
    </bdi>
  );
}
