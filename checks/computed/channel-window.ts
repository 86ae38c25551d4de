/**
 * How long the channel waits for a bot to answer an activity before it gives up: Microsoft Learn
 * gives 10 to 15 seconds depending on the channel; the checks use the upper end, so that a
 * verdict of "too slow" holds on every channel.
 */
export const CHANNEL_WINDOW_MS = 15_000;
