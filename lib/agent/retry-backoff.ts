// Retry delays for the agent's calls to the server: doubling from FIRST_RETRY_MS up to MAX_RETRY_MS,
// each drawn at random from the upper half of its step ("equal jitter"). Without the randomness a
// thousand agents refused together (a server restart, an overloaded database) retry together, in
// waves that overload it again; with it they spread out over the step.
export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 30_000;

export class RetryBackoff {
  private stepMs = FIRST_RETRY_MS;

  constructor(private readonly random: () => number = Math.random) {}

  /** The delay before the next attempt; every call doubles the step for the one after. */
  nextDelayMs(): number {
    const delayMs = this.stepMs / 2 + (this.random() * this.stepMs) / 2;
    this.stepMs = Math.min(this.stepMs * 2, MAX_RETRY_MS);
    return Math.round(delayMs);
  }

  /** After a success: the next failure starts from the first step again. */
  reset(): void {
    this.stepMs = FIRST_RETRY_MS;
  }
}
