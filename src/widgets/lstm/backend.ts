/** Moved to src/widgets/cell/backend.ts (shared by the cell lessons); kept for older imports. */
export { ensureBackend, useBackendReady } from '../cell/backend';
