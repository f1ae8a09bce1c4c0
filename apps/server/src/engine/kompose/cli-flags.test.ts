import { argsMinusFirst, FlagDef, flagUsages, parseFlags, parseGoInt, stripFlags } from './cli-flags';
import { COMMANDS, GLOBAL_FLAGS } from './help';

const DEFS: FlagDef[] = [
  { name: 'json', short: 'j', type: 'bool', usage: 'json' },
  { name: 'verbose', short: 'v', type: 'bool', usage: 'verbose' },
  { name: 'out', short: 'o', type: 'string', usage: 'out' },
  { name: 'replicas', type: 'int', usage: 'replicas', def: '1' },
  { name: 'file', short: 'f', type: 'stringArray', usage: 'files' },
  { name: 'yaml', short: 'y', type: 'bool', usage: 'yaml', deprecated: 'YAML is the default format now', shorthandDeprecated: 'YAML is the default format now' },
];

const parseError = (argv: string[]) => {
  try {
    parseFlags(argv, DEFS);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('parsed');
};

describe('parseFlags (pflag)', () => {
  it('takes values in every form pflag accepts, and repeats string arrays in order', () => {
    const p = parseFlags(['-jv', '-o=a', '-ob', '--out', 'c', '--replicas=0x10', '-f', 'x.yml', 'arg', '--file=y.yml', '--', '--json'], DEFS);
    expect(p.values).toEqual({ json: true, verbose: true, out: 'c', replicas: 16, file: ['x.yml', 'y.yml'] });
    expect(p.args).toEqual(['arg', '--json']);
    expect([...p.changed].sort()).toEqual(['file', 'json', 'out', 'replicas', 'verbose']);
  });

  it('reads booleans as strconv.ParseBool does', () => {
    expect(parseFlags(['--json=F', '-v=T'], DEFS).values).toEqual({ json: false, verbose: true });
    expect(parseError(['--json=maybe'])).toBe('invalid argument "maybe" for "-j, --json" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    // a boolean shorthand never takes the rest of the word: the next letters are more shorthands
    expect(parseError(['-jyes'])).toBe("unknown shorthand flag: 'e' in -es");
    expect(parseFlags(['-jfalse'], DEFS).values).toEqual({ json: true, file: ['alse'] });
  });

  it("gives pflag's messages for unknown flags, missing values and bad numbers", () => {
    expect(parseError(['--bogus=1'])).toBe('unknown flag: --bogus');
    expect(parseError(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(parseError(['-jx'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(parseError(['--out'])).toBe('flag needs an argument: --out');
    expect(parseError(['-o'])).toBe("flag needs an argument: 'o' in -o");
    expect(parseError(['---x'])).toBe('bad flag syntax: ---x');
    expect(parseError(['--replicas', 'two'])).toBe('invalid argument "two" for "--replicas" flag: strconv.ParseInt: parsing "two": invalid syntax');
    expect(parseError(['--replicas=99999999999999999999'])).toBe(
      'invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
    );
  });

  it('notes a deprecated flag (and a deprecated shorthand) each time it is set', () => {
    expect(parseFlags(['-y', '--yaml=false'], DEFS).notices).toEqual([
      'Flag shorthand -y has been deprecated, YAML is the default format now\n',
      'Flag --yaml has been deprecated, YAML is the default format now\n',
      'Flag --yaml has been deprecated, YAML is the default format now\n',
    ]);
  });
});

describe('parseGoInt (strconv.ParseInt base 0)', () => {
  it.each([
    ['42', 42],
    ['-3', -3],
    ['+7', 7],
    ['0x1F', 31],
    ['0o17', 15],
    ['017', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['0x_1f', 31],
    ['0', 0],
  ])('%s is %d', (s, n) => expect(parseGoInt(s)).toBe(n));

  it.each(['', '08', '_1', '1__0', '1_', '0x', '1.5', ' 1'])('%j is invalid syntax', (s) => {
    expect(() => parseGoInt(s)).toThrow(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  });
});

describe('finding the command word (cobra stripFlags / argsMinusFirstX)', () => {
  it('skips the values of flags that take one, and treats unknown --flags as taking one', () => {
    expect(stripFlags(['-f', 'a.yml', 'convert', '--stdout'], GLOBAL_FLAGS)).toEqual(['convert']);
    expect(stripFlags(['--replicas', '2', 'convert'], GLOBAL_FLAGS)).toEqual(['convert']);
    expect(stripFlags(['-v', 'convert'], GLOBAL_FLAGS)).toEqual(['convert']);
    expect(stripFlags(['--provider=kubernetes', 'version'], GLOBAL_FLAGS)).toEqual(['version']);
    // a flag and a value alone: nothing after them, so no command
    expect(stripFlags(['-f', 'convert'], GLOBAL_FLAGS)).toEqual([]);
  });

  it('removes the first occurrence that is not a value', () => {
    expect(argsMinusFirst(['-f', 'convert', 'convert', '--stdout'], 'convert', GLOBAL_FLAGS)).toEqual(['-f', 'convert', '--stdout']);
  });
});

describe('flagUsages (pflag FlagUsages)', () => {
  it('sorts, hides deprecated and hidden flags, names values, shows non-zero defaults, aligns one column past the longest', () => {
    expect(flagUsages(DEFS)).toBe(
      [
        '  -f, --file stringArray   files',
        '  -j, --json               json',
        '  -o, --out string         out',
        '      --replicas int       replicas (default 1)',
        '  -v, --verbose            verbose',
        '',
      ].join('\n'),
    );
  });

  it('takes a back-quoted word of the usage as the value name', () => {
    expect(flagUsages([{ name: 'mode', type: 'string', usage: 'group by `label` or `volume`' }])).toBe('      --mode label   group by label or `volume`\n');
  });

  it('renders kompose convert --help as kompose 1.38 prints it', () => {
    const flags = COMMANDS.convert.help.split('\nFlags:\n')[1].split('\n\nGlobal Flags:\n');
    expect(flags[0].split('\n').slice(0, 4)).toEqual([
      '      --build string                 Set the type of build ("local"|"build-config"(OpenShift only)|"none") (default "none")',
      '      --build-command string         Set the command used to build the container image, which will override the docker build command. Should be used in conjuction with --push-command flag.',
      '      --controller string            Set the output controller ("deployment"|"daemonSet"|"replicationController")',
      '      --generate-network-policies    Specify whether to generate network policies or not',
    ]);
    expect(flags[0].split('\n').slice(-4)).toEqual([
      '      --service-group-name string    Using with --service-group-mode=volume to specific a final service name for the group',
      '      --stdout                       Print converted objects to stdout',
      '      --volumes string               Volumes to be generated ("persistentVolumeClaim"|"emptyDir"|"hostPath" | "configMap") (default "persistentVolumeClaim")',
      '      --with-kompose-annotation      Add kompose annotations to generated resource (default true)',
    ]);
    expect(flags[1]).toBe(
      [
        '      --error-on-warning    Treat any warning as an error',
        '  -f, --file stringArray    Specify an alternative compose file',
        '      --provider string     Specify a provider. Kubernetes or OpenShift. (default "kubernetes")',
        '      --suppress-warnings   Suppress all warnings',
        '  -v, --verbose             verbose output',
        '',
      ].join('\n'),
    );
  });
});
