export function ImportScreen() {
  return <h1>Import</h1>;
}
