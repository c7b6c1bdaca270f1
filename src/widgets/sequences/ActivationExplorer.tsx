export default function ActivationExplorer() {
  return <div className="widget">ActivationExplorer</div>;
}
