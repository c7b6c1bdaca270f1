/** Moved to src/widgets/cell/SubText.tsx (shared by the cell lessons); kept for older imports. */
export { SubText } from '../cell/SubText';
