export function CaseScreen() {
  return <h1>Case</h1>;
}
