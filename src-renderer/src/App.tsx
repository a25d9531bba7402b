import { AppFrame } from './shell/AppFrame';

export function App() {
  return <AppFrame />;
}
