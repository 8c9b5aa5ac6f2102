import { it, expect } from 'vitest';
it('listeners', () => {
  console.log('SIGINT', process.listenerCount('SIGINT'), 'SIGTERM', process.listenerCount('SIGTERM'), process.listeners('SIGTERM').map(String));
  expect(1).toBe(1);
});
