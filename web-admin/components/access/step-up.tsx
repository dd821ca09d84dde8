'use client';

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

import type { ActionResult } from '@/lib/mutation';

import { StepUpModal } from './step-up-modal';

type WithStepUp = <T>(run: () => Promise<ActionResult<T>>) => Promise<ActionResult<T>>;

const StepUpContext = createContext<WithStepUp | null>(null);

/**
 * Runs a sensitive server action; when the gateway answers STEP_UP_REQUIRED, asks for
 * the password (stepUpConfirm sets the `shop_step_up` cookie) and runs the action once more.
 * Cancelling the prompt hands back the STEP_UP_REQUIRED result.
 */
export function useStepUp(): WithStepUp {
  const withStepUp = useContext(StepUpContext);
  if (!withStepUp) throw new Error('useStepUp needs a StepUpProvider (the console shell has one)');
  return withStepUp;
}

export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const settle = useRef<((confirmed: boolean) => void) | null>(null);

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setOpen(true);
      }),
    [],
  );

  const finish = (confirmed: boolean) => {
    setOpen(false);
    settle.current?.(confirmed);
    settle.current = null;
  };

  const withStepUp = useCallback<WithStepUp>(
    async (run) => {
      const first = await run();
      if (first.ok || first.reason !== 'STEP_UP_REQUIRED') return first;
      if (!(await ask())) return first;
      return run();
    },
    [ask],
  );

  return (
    <StepUpContext.Provider value={withStepUp}>
      {children}
      <StepUpModal open={open} onDone={finish} />
    </StepUpContext.Provider>
  );
}
