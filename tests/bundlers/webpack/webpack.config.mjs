// Only where the app's files are: nothing about newschart, its wasm or its lazy modules.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: resolve(dirname(fileURLToPath(import.meta.url)), 'dist'), filename: 'main.js', chunkFilename: '[contenthash].js', clean: true },
};
