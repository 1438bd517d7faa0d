// electron-builder's beforeBuild hook (electron-builder.yml): node-gyp must compile the native module against the
// Electron headers @electron/rebuild downloads, never against an npm `nodedir` pointing at Node's own headers.
export default function beforeBuild() {
  delete process.env.npm_config_nodedir;
  delete process.env.NPM_CONFIG_NODEDIR;
  return true;
}
