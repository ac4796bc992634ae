/**
 * Failed sign-ins per username and per client address. After a few free failures every further one
 * doubles the wait before the next attempt. An address gets more free failures than a username:
 * a whole office may share one address on a government network.
 */
export const LOGIN_THROTTLE = {
  freeFailuresPerUsername: 5,
  freeFailuresPerAddress: 20,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  /** A key is forgotten this long after its last failure. */
  forgetAfterSeconds: 24 * 3600,
  /** Keys kept at most; beyond, the stalest are dropped (a flood of made-up usernames cannot exhaust memory). */
  maxKeys: 100_000,
} as const;

interface Failures {
  count: number;
  /** Epoch milliseconds before which no attempt is taken. */
  blockedUntil: number;
  lastFailure: number;
  /** `blockedUntil` of the block already reported to the audit trail, so a block is recorded once. */
  reportedBlock: number;
}

export interface ThrottleKeys {
  username: string;
  address: string;
}

const keysOf = ({ username, address }: ThrottleKeys): Array<[string, number]> => [
  [`user:${username}`, LOGIN_THROTTLE.freeFailuresPerUsername],
  [`addr:${address}`, LOGIN_THROTTLE.freeFailuresPerAddress],
];

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  /** Seconds until an attempt for these keys is taken; 0 when it is taken now. */
  waitSeconds(keys: ThrottleKeys, now: number): number {
    const until = Math.max(0, ...keysOf(keys).map(([key]) => this.current(key, now)?.blockedUntil ?? 0));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Whether this refusal starts a block not yet reported (so the audit trail gets one entry per block). */
  firstRefusal(keys: ThrottleKeys, now: number): boolean {
    let first = false;
    for (const [key] of keysOf(keys)) {
      const entry = this.current(key, now);
      if (entry && entry.blockedUntil > now && entry.reportedBlock !== entry.blockedUntil) {
        entry.reportedBlock = entry.blockedUntil;
        first = true;
      }
    }
    return first;
  }

  /** Counts an attempt as failed; called before the password is checked, so concurrent guesses count too. */
  fail(keys: ThrottleKeys, now: number): void {
    for (const [key, free] of keysOf(keys)) {
      const entry = this.current(key, now) ?? { count: 0, blockedUntil: 0, lastFailure: now, reportedBlock: 0 };
      entry.count += 1;
      entry.lastFailure = now;
      // The failure that uses up the free ones starts the first wait.
      const over = entry.count - free + 1;
      if (over > 0) {
        const delay = Math.min(LOGIN_THROTTLE.maxDelaySeconds, LOGIN_THROTTLE.firstDelaySeconds * 2 ** Math.min(over - 1, 30));
        entry.blockedUntil = now + delay * 1000;
      }
      this.failures.delete(key);
      this.failures.set(key, entry);
    }
    this.trim();
  }

  /** A right password: the username starts afresh and the address takes back the attempt. */
  succeed(keys: ThrottleKeys, now: number): void {
    this.failures.delete(`user:${keys.username}`);
    const address = this.current(`addr:${keys.address}`, now);
    if (address) address.count = Math.max(0, address.count - 1);
  }

  private current(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && now - entry.lastFailure > LOGIN_THROTTLE.forgetAfterSeconds * 1000 && entry.blockedUntil <= now) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Map order is insertion order and `fail` re-inserts, so the first keys are the stalest. */
  private trim(): void {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= LOGIN_THROTTLE.maxKeys) break;
      this.failures.delete(key);
    }
  }
}

/** One per process: the process is what the throttle protects. */
export const loginThrottle = new LoginThrottle();
