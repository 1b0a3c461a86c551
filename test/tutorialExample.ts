/** The Go tutorial's example (../shared/seed/), unchanged: its integration and the flags of its `apply` run. */
export const TUTORIAL_ID = '8f7a2b1c-3d4e-5f6a-7b8c-9d0e1f2a3b4c';

/** A regex filter on the queue name, in the tutorial integration's subscription. */
export const TUTORIAL_ARGS = [
  '--integration-id',
  TUTORIAL_ID,
  '--subscription-name',
  'default-voice-stream',
  '--attribute-key',
  'interaction.routing.queue.name',
  '--regex',
  '^Premium.*$',
];
