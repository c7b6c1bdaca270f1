/** Moved to src/widgets/cell/OverflowBox.tsx (shared by the cell lessons); kept for older imports. */
export { OverflowBox } from '../cell/OverflowBox';
