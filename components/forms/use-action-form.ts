"use client";

import {
  startTransition,
  useActionState,
  useCallback,
  useEffect,
  useRef,
  useState,
  type FormEvent,
} from "react";
import type { ActionState } from "@/lib/request/action";

type Action<T, P> = (prev: ActionState<T> | undefined, payload: P) => Promise<ActionState<T>>;

export type ActionFormOptions<T> = {
  /** Runs once per successful answer (close a dialog, refresh, clear the form). */
  onSuccess?: (state: ActionState<T>) => void;
  /** Empty the form's fields after a success (a form that stays on screen for the next entry). */
  resetOnSuccess?: boolean;
};

/**
 * The one way a form talks to a server action. React 19 resets a `<form action>` after every
 * submit, so a refused form would lose what was typed: the submit is taken over here
 * (preventDefault, then the action in a transition, which still drives useFormStatus), and
 * the fields keep their values. Without JavaScript the form still posts to the action.
 */
export function useActionForm<T, P = FormData>(
  action: Action<T, P>,
  { onSuccess, resetOnSuccess = false }: ActionFormOptions<T> = {},
) {
  const [answer, dispatch, pending] = useActionState<ActionState<T> | undefined, P>(
    action,
    undefined,
  );
  // After the answer is on screen, not inside the action: a router.refresh() there would land
  // in the same transition as the answer (a page that is gone after the action 404s at once).
  const onSuccessRef = useRef(onSuccess);
  const handled = useRef<ActionState<T> | undefined>(undefined);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });
  useEffect(() => {
    if (!answer?.ok || handled.current === answer) return;
    handled.current = answer;
    onSuccessRef.current?.(answer);
  }, [answer]);
  // clear() hides the current answer (e.g. a dialog opened again starts clean).
  const [cleared, setCleared] = useState<ActionState<T> | undefined>();
  const state = answer === cleared ? undefined : answer;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (answer?.ok && resetOnSuccess) formRef.current?.reset();
  }, [answer, resetOnSuccess]);

  const submit = useCallback((payload: P) => startTransition(() => dispatch(payload)), [dispatch]);
  const onSubmit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const submitter = (ev.nativeEvent as SubmitEvent).submitter;
    submit(new FormData(ev.currentTarget, submitter) as P);
  };
  return {
    state,
    pending,
    submit,
    clear: () => setCleared(answer),
    /** Messages for one field, by name or dotted path ("schedule.weekdays"). */
    errorsOf: (path: string) => state?.fieldErrors?.[path],
    /**
     * What was typed in `name` before a refusal, else `fallback`: the field's defaultValue.
     * Without JavaScript the page is drawn again from the answer, and this puts the typed
     * value back (with JavaScript the takeover keeps it anyway). Secrets are never echoed.
     */
    echoed: (name: string, fallback?: string) => {
      const v = state?.values?.[name];
      return typeof v === "string" ? v : fallback;
    },
    /** Spread on the <form>: the action (for a page without JavaScript) and the takeover. */
    formProps: {
      ref: formRef,
      action: dispatch as unknown as (fd: FormData) => void,
      onSubmit,
      noValidate: true,
    },
  };
}
