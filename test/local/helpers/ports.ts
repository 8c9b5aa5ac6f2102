// Test helper: the core's ports on an emulator.
export { portsFor } from '../../../src/local/emulator-ports';
