// Everything a script-tag host writes: import the bundle, give the provider an adapter.
// (A real host passes its own adapter, e.g. new HttpAdapter({ baseUrl, getToken }).)
import { LocalAdapter } from '../../dist/samen.bundle.js';

document.querySelector('samen-provider').adapter = new LocalAdapter({ locale: 'nl', dbName: 'samen-plain-html' });
