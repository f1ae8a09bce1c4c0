import { newKit, terminal } from '../kubectl/verbs/verb-test-kit';
import { PINNED_TO_NODE1, pvPvc } from './testing/mariadb-on-pv';

// The mysql client against the cluster's MariaDB and MySQL servers: connecting, logging in,
// databases and tables kept as the server keeps them, in its data directory.

const DB = [
  'kubectl run db --image=mariadb:11.4 --env=MARIADB_ROOT_PASSWORD=secret --env=MARIADB_DATABASE=shop --env=MARIADB_USER=app --env=MARIADB_PASSWORD=apppw',
  'kubectl expose pod db --port=3306 --name=mysql',
  'sleep 30',
];

describe('mysql, the client', () => {
  it('lists the databases in batch form without a terminal, as a table with one', async () => {
    const kit = newKit();
    await kit.setup(...DB);
    expect(await kit.sh("kubectl exec db -- mysql -uroot -psecret -e 'show databases'")).toEqual({ stdout: 'Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n', stderr: '', exitCode: 0 });
    expect((await kit.sh("kubectl exec db -- mysql -uroot -psecret -N -e 'show databases'")).stdout).toBe('information_schema\nmysql\nperformance_schema\nshop\nsys\n');
    const table = ['+--------------------+', '| Database           |', '+--------------------+', '| information_schema |', '| mysql              |', '| performance_schema |', '| shop               |', '| sys                |', '+--------------------+', ''].join('\n');
    expect((await kit.sh("kubectl exec db -- mysql -uroot -psecret -t -e 'show databases'")).stdout).toBe(table);
    expect((await kit.sh("kubectl exec db -- mysql -uroot -psecret -t -e 'select 1, version()'")).stdout).toBe(
      ['+---+------------------------+', '| 1 | version()              |', '+---+------------------------+', '| 1 | 11.4.3-MariaDB-ubu2404 |', '+---+------------------------+', ''].join('\n'),
    );
    // statements from its input, as a script
    expect((await kit.sh("kubectl exec db -- sh -c 'printf \"use shop;\\nselect database();\\n\" | mysql -uroot -psecret'")).stdout).toBe('database()\nshop\n');
  });

  it('keeps databases and tables as directories and files of the data directory; errors in the server\'s words', async () => {
    const kit = newKit();
    await kit.setup(...DB, "kubectl exec db -- mysql -uroot -psecret -e 'create database notes; use notes; create table items (id int primary key, name varchar(20))'");
    expect((await kit.sh('kubectl exec db -- ls /var/lib/mysql/notes')).stdout).toBe('db.opt\nitems.frm\nitems.ibd\n');
    expect((await kit.sh("kubectl exec db -- mysql -uroot -psecret notes -e 'show tables'")).stdout).toBe('Tables_in_notes\nitems\n');
    const err = async (sql: string): Promise<string> => (await kit.sh(`kubectl exec db -- mysql -uroot -psecret -e '${sql}'`)).stderr.split('\n')[0];
    expect(await err('create database notes')).toBe("ERROR 1007 (HY000) at line 1: Can't create database 'notes'; database exists");
    expect(await err('drop database nope')).toBe("ERROR 1008 (HY000) at line 1: Can't drop database 'nope'; database doesn't exist");
    expect(await err('use nope')).toBe("ERROR 1049 (42000) at line 1: Unknown database 'nope'");
    expect(await err('show tables')).toBe('ERROR 1046 (3D000) at line 1: No database selected');
    expect(await err('create table notes.items (id int)')).toBe("ERROR 1050 (42S01) at line 1: Table 'items' already exists");
    expect(await err('drop table notes.nope')).toBe("ERROR 1051 (42S02) at line 1: Unknown table 'notes.nope'");
    expect(await err('insert into notes.items values (1)')).toBe("ERROR 1235 (42000) at line 1: This version of MariaDB doesn't yet support 'INSERT on rows in the kubeaula sandbox, which keeps databases and tables but no rows'");
    // a statement of a known form that goes wrong is a syntax error near where it does
    expect(await err('create database shop2 use shop2')).toBe("ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'use shop2' at line 1");
    expect(await err('create table notes.t2')).toBe("ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '' at line 1");
    // the first error ends the script: what follows does not run
    await kit.sh("kubectl exec db -- mysql -uroot -psecret -e 'use nope; create database later'");
    expect((await kit.sh("kubectl exec db -- mysql -uroot -psecret -N -e 'show databases'")).stdout).not.toContain('later');
    await kit.setup("kubectl exec db -- mysql -uroot -psecret -e 'drop database notes'");
    expect((await kit.sh('kubectl exec db -- ls /var/lib/mysql')).stdout).not.toContain('notes');
  });

  it('logs in against the accounts the entrypoint made: root, and MYSQL_USER on its own database', async () => {
    const kit = newKit();
    await kit.setup(...DB);
    expect((await kit.sh("kubectl exec db -- mariadb -uroot -pwrong -e 'show databases'")).stderr).toBe("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\ncommand terminated with exit code 1\n");
    expect((await kit.sh("kubectl exec db -- mariadb -e 'show databases'")).stderr).toBe("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\ncommand terminated with exit code 1\n");
    expect((await kit.sh("kubectl exec db -- mysql -uapp -papppw -e 'show databases'")).stdout).toBe('Database\ninformation_schema\nshop\n');
    expect((await kit.sh("kubectl exec db -- mysql -uapp -papppw -e 'create database x'")).stderr).toBe("ERROR 1044 (42000) at line 1: Access denied for user 'app'@'%' to database 'x'\ncommand terminated with exit code 1\n");
  });

  it('reaches a server through its Service from a client pod, with MySQL\'s client warning about the password; connection errors', async () => {
    const kit = newKit();
    await kit.setup(
      ...DB,
      "kubectl run c --image=mysql:9 --restart=Never -- mysql -h mysql -uroot -psecret -e 'show databases'",
      "kubectl run nohost --image=mysql:9 --restart=Never -- mysql -h nope -uroot -psecret -e 'show databases'",
      "kubectl run nosocket --image=mysql:9 --restart=Never -- mysql -uroot -psecret -e 'show databases'",
      'kubectl create service clusterip empty --tcp=3306:3306',
      "kubectl run refused --image=mariadb:11.4 --restart=Never -- mariadb -h empty -uroot -psecret -e 'show databases'",
      'sleep 60',
    );
    const warning = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';
    expect((await kit.sh('kubectl logs c')).stdout).toBe(`${warning}Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n`);
    expect((await kit.sh('kubectl logs nohost')).stdout).toBe(`${warning}ERROR 2005 (HY000): Unknown MySQL server host 'nope' (-2)\n`);
    expect((await kit.sh('kubectl logs nosocket')).stdout).toBe(`${warning}ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n`);
    expect((await kit.sh('kubectl logs refused')).stdout).toBe("ERROR 2002 (HY000): Can't connect to server on 'empty' (115)\n");
    expect((await kit.sh('kubectl get pods c nohost -o jsonpath={.items[*].status.phase}')).stdout).toBe('Succeeded Failed');
    // a login from another pod is seen from that pod's address
    const remote = await kit.sh("kubectl exec db -- mysql -h mysql -uroot -pwrong -e 'select 1'");
    expect(remote.stderr).toMatch(/^ERROR 1045 \(28000\): Access denied for user 'root'@'10\.244\.\d+\.\d+' \(using password: YES\)\n/);
    expect((await kit.sh("kubectl exec db -- mysql --bogus -e 'select 1'")).stderr).toBe("mysql: unknown option '--bogus'\ncommand terminated with exit code 7\n");
  });

  it('a database on a PersistentVolume is there for the next pod, with the password it was made with', async () => {
    const kit = newKit();
    await kit.setup(
      pvPvc(PINNED_TO_NODE1),
      'kubectl apply -f db.yaml',
      'sleep 40',
      "kubectl exec db -- mariadb -uroot -pchangeme -e 'create database shop'",
      'kubectl delete pod db',
      // the new pod says another password: the database keeps the one it was made with
      "sed -i 's/value: changeme/value: other/' db.yaml",
      'kubectl apply -f db.yaml',
      'sleep 40',
    );
    expect((await kit.sh("kubectl exec db -- mariadb -uroot -pchangeme -N -e 'show databases'")).stdout).toBe('information_schema\nmysql\nperformance_schema\nshop\nsys\n');
    expect((await kit.sh("kubectl exec db -- mariadb -uroot -pother -e 'select 1'")).exitCode).toBe(1);
    expect((await kit.sh('ssh node1 ls -d /mnt/data/shop')).stdout).toBe('/mnt/data/shop\n');
  });
});

describe('mysql, the monitor (kubectl exec -it at a terminal)', () => {
  it("greets, keeps the statement across lines, answers as the monitor does and says Bye; MariaDB's prompt names the database", async () => {
    const kit = newKit();
    await kit.setup(...DB);
    const tty = terminal(kit);
    const opened = await tty('kubectl exec -it db -- mariadb -uroot -psecret');
    expect(opened.stdout).toBe(
      "Welcome to the MariaDB monitor.  Commands end with ; or \\g.\nYour MariaDB connection id is 3\nServer version: 11.4.3-MariaDB-ubu2404 mariadb.org binary distribution\n\nCopyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.\n\nType 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.\n\n",
    );
    expect(opened.prompt).toBe('MariaDB [(none)]> ');
    expect(await tty('create database notes')).toMatchObject({ stdout: '', prompt: '    -> ' });
    expect(await tty(';')).toMatchObject({ stdout: 'Query OK, 1 row affected (0.01 sec)\n\n', prompt: 'MariaDB [(none)]> ' });
    expect(await tty('use notes')).toMatchObject({ stdout: 'Database changed\n', prompt: 'MariaDB [notes]> ' });
    expect((await tty('show tables;')).stdout).toBe('Empty set (0.00 sec)\n\n');
    expect((await tty('show databases;')).stdout).toBe(
      ['+--------------------+', '| Database           |', '+--------------------+', '| information_schema |', '| mysql              |', '| notes              |', '| performance_schema |', '| shop               |', '| sys                |', '+--------------------+', '6 rows in set (0.00 sec)', '', ''].join('\n'),
    );
    expect(await tty('use nope;')).toMatchObject({ stderr: "ERROR 1049 (42000): Unknown database 'nope'\n", prompt: 'MariaDB [notes]> ' });
    expect(await tty('drop database')).toMatchObject({ prompt: '    -> ' });
    expect(await tty('oops \\c')).toMatchObject({ stdout: '', stderr: '', prompt: 'MariaDB [notes]> ' });
    // a statement that forgot its `;` runs into the next line: the server says where
    await tty('create database later');
    expect((await tty('use later;')).stderr).toBe("ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'use later' at line 2\n");
    expect(await tty('exit')).toMatchObject({ stdout: 'Bye\n', exitCode: 0, prompt: 'student@master:~$ ' });
  });

  it("mysql's monitor, with the password typed at its prompt; a wrong one ends it as the client does", async () => {
    const kit = newKit();
    await kit.setup('kubectl run db --image=mysql:9 --env=MYSQL_ROOT_PASSWORD=secret', 'sleep 60');
    const tty = terminal(kit);
    expect((await tty('kubectl exec -it db -- mysql -uroot -p')).prompt).toBe('Enter password: ');
    const greeted = await tty('secret');
    expect(greeted.stdout).toMatch(/^Welcome to the MySQL monitor\. {2}Commands end with ; or \\g\.\nYour MySQL connection id is 8\nServer version: 9\.1\.0 MySQL Community Server - GPL\n/);
    expect(greeted.prompt).toBe('mysql> ');
    expect((await tty('select version();')).stdout).toBe('+-----------+\n| version() |\n+-----------+\n| 9.1.0     |\n+-----------+\n1 row in set (0.00 sec)\n\n');
    expect(await tty('quit')).toMatchObject({ stdout: 'Bye\n', prompt: 'student@master:~$ ' });
    await tty('kubectl exec -it db -- mysql -uroot -p');
    expect(await tty('nope')).toMatchObject({ stderr: "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\ncommand terminated with exit code 1\n", exitCode: 1, prompt: 'student@master:~$ ' });
  });
});
