import react from '@vitejs/plugin-react';

// React's JSX transform only: nothing about newschart, its wasm or its lazy modules.
export default { plugins: [react()] };
