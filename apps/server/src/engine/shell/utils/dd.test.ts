import { testRig } from '../testing/test-shell';

describe('dd (GNU coreutils, as on the Ubuntu hosts)', () => {
  it('copies blocks from /dev/zero and reports records and a simulated transfer', async () => {
    const r = await testRig().run('dd if=/dev/zero of=zeros bs=1M count=3; ls -l zeros');
    expect(r.stderr).toBe('3+0 records in\n3+0 records out\n3145728 bytes (3.1 MB, 3.0 MiB) copied, 0.00247179 s, 1.3 GB/s\n');
    expect(r.stdout).toMatch(/^-rw-rw-r-- 1 student student 3145728 /);
  });

  it('copies a file with a partial last record; status=none and noxfer', async () => {
    const rig = testRig();
    expect((await rig.run("printf 'hello world' > in; dd if=in of=out bs=4; cat out")).stderr).toBe('2+1 records in\n2+1 records out\n11 bytes copied, 5.20085e-05 s, 212 kB/s\n');
    expect(await rig.run('dd if=in of=out2 bs=4 status=none; cat out2')).toEqual({ stdout: 'hello world', stderr: '', exitCode: 0 });
    expect((await rig.run('dd if=in of=out3 status=noxfer')).stderr).toBe('0+1 records in\n0+1 records out\n');
  });

  it('refuses what it does not understand, as dd does', async () => {
    const rig = testRig();
    expect(await rig.run('dd foo=1')).toEqual({ stdout: '', stderr: "dd: unrecognized operand 'foo=1'\nTry 'dd --help' for more information.\n", exitCode: 1 });
    expect((await rig.run('dd if=/dev/zero of=x bs=1Q count=1')).stderr).toBe("dd: invalid number: '1Q'\n");
    expect((await rig.run('dd if=nope of=x')).stderr).toBe("dd: failed to open 'nope': No such file or directory\n");
  });
});

describe('yes', () => {
  it('to a pipe: as much as the reader takes', async () => {
    expect(await testRig().run('yes | head -n 2')).toEqual({ stdout: 'y\ny\n', stderr: '', exitCode: 0 });
    expect((await testRig().run('yes hola | head -n 1')).stdout).toBe('hola\n');
  });
});
