export function DossierScreen() {
  return <h1>Dossier</h1>;
}
