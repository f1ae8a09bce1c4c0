// Files the installation downloads, known by address (no network is ever used): the package
// signing keys and the add-on manifests. `curl` on a host serves these and fails for the rest as
// an offline host would.

import type { ExternalCommand } from '../shell/types';
import { knownManifest } from '../kubectl/known-manifests';

/** The ASCII-armoured key pkgs.k8s.io publishes (a stand-in: nothing verifies signatures). */
export const PKGS_RELEASE_KEY = `-----BEGIN PGP PUBLIC KEY BLOCK-----
Version: GnuPG v2.0.15 (GNU/Linux)

mQENBGMHoXcBCADukGOEQyleViOgtkMVa7hKifP6POCTh+98xNW4TfHK/nBJN2sm
u4XaiUmtB9UuGt9jl8VxQg4hOMRf40coIwHsNwtSrc2R9v5Kgpvcv537QVIigVHH
WMNvXeoZkkoDIUljvbCEDWaEhS9R5OMYKd4AaJ+f1c8OELhEcV2dAQLLyjtnEaF/
qmREN+3Y9+5VcRZvQHeyBxCG+hdUGE740ixgnY2gSqZ/J4YeQntQ6pMUEhT6pbaE
10q2HUierj/im0V+ZUdCh46Lk/Rdfa5ZKlqYOiA2iN1coDPIdyqKavcdfPqSraKF
Lan2KLcZcgTxP+0+HfzKefvGEnZa11civbe9LzqhXgqR6I4YfxOYfmW4g2RRD3pb
-----END PGP PUBLIC KEY BLOCK-----
`;

/** The old Google apt key (binary OpenPGP data, shown as the first bytes only). */
export const LEGACY_APT_KEY = '\u0099\u0001\r\u0004bS\u00a3\u00bd\u0001\u0008\u0000\u00c9\u0076kubeaula-legacy-key\n';

const FILES: Record<string, () => string> = {
  'https://pkgs.k8s.io/core:/stable:/v1.32/deb/Release.key': () => PKGS_RELEASE_KEY,
  'https://packages.cloud.google.com/apt/doc/apt-key.gpg': () => LEGACY_APT_KEY,
};

/** The body served at `url`, or undefined when the simulation does not know the address. */
export function knownDownload(url: string): string | undefined {
  const minor = /^https:\/\/pkgs\.k8s\.io\/core:\/stable:\/v1\.\d+\/deb\/Release\.key$/.test(url);
  if (minor) return PKGS_RELEASE_KEY;
  return FILES[url]?.() ?? knownManifest(url);
}

/** curl for the known addresses: -f -s -S -L, -o FILE, -O. */
export const installCurl: ExternalCommand = (ctx) => {
  let silent = false;
  let output: string | undefined;
  let remoteName = false;
  let url: string | undefined;
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') output = args[++i];
    else if (a === '-O' || a === '--remote-name') remoteName = true;
    else if (a === '--silent') silent = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('s')) silent = true;
      if (a.includes('O')) remoteName = true;
      if (a.endsWith('o')) output = args[++i];
    } else if (!a.startsWith('-')) url = a;
  }
  if (!url) {
    ctx.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const body = knownDownload(url);
  if (body === undefined) {
    const host = url.replace(/^\w+:\/\//, '').split(/[/:]/)[0];
    ctx.stderr(`curl: (6) Could not resolve host: ${host}\n`);
    return 6;
  }
  if (remoteName) output = url.split('/').pop() || 'index.html';
  if (!silent && (output || !ctx.isTTY)) {
    const n = String(body.length);
    ctx.stderr(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        `100 ${n.padStart(5)}  100 ${n.padStart(5)}    0     0  ${String(body.length * 6).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${String(body.length * 6).padStart(5)}\n`,
    );
  }
  if (output) ctx.fs.writeFile(output, body);
  else ctx.stdout(body);
  return 0;
};
