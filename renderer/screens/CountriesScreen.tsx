export function CountriesScreen() {
  return <h1>Countries</h1>;
}
