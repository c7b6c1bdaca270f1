export default function RnnShapes() {
  return <div className="widget">RnnShapes</div>;
}
