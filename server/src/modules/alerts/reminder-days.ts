/** Days before each deadline a reminder appears (ALERT_REMINDER_DAYS) when none are configured. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [14, 7, 1];

let configured: readonly number[] = DEFAULT_REMINDER_DAYS;

/** The server passes its configured days in when it starts; the module never reads the environment. */
export function useReminderDays(days: readonly number[]): void {
  configured = days;
}

export const reminderDays = (): number[] => [...configured];
