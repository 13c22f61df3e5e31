import type { Widen } from '../types';

/** Office mode (the shared PostgreSQL server, issue 8): Spanish (Peru) first, English beside it. */
export const officeEs = {
  errors: {
    staleBy:
      '{{name}} modificó este registro el {{date}} a las {{time}}, mientras usted lo editaba. Su cambio no se guardó: vuelva a abrir el registro para ver lo que cambió; lo que usted escribió sigue en el formulario.',
    outdatedApp:
      'La base de datos del servidor de la oficina es de una versión más nueva de ArteINPE. Puede consultar, pero no guardar cambios: actualice la aplicación en este equipo.',
    host: 'Escriba el nombre o la dirección IP del servidor, sin espacios (por ejemplo, servidor-oficina o 192.168.1.20).',
    port: 'Escriba un puerto entre 1 y 65535 (PostgreSQL usa 5432).',
    identifier: 'Use letras, números y guiones bajos, empezando por una letra.',
    confirmCopy: 'Confirme que la copia va a una base vacía del servidor.',
    serverBackups:
      'Esta PC trabaja con el servidor de la oficina: las copias de seguridad de esa base las hace quien administra el servidor, no cada equipo.',
    noSecrets:
      'Este equipo no puede guardar la contraseña de forma protegida (el almacén seguro del sistema no está disponible). No se guardó nada.',
    caCert:
      'El archivo elegido no es un certificado PEM válido (debe contener «-----BEGIN CERTIFICATE-----»). Pida el certificado de la autoridad (CA) a quien administra el servidor.',
  },
  readOnlyBanner:
    'Solo lectura: el servidor de la oficina usa una versión más nueva de ArteINPE. Actualice la aplicación en este equipo para poder guardar cambios.',
  test: {
    ok: 'Conexión correcta con PostgreSQL {{version}}.',
    okEmpty: 'La base está vacía: al usarla, ArteINPE creará sus tablas.',
    okOurs: 'La base ya tiene los datos de ArteINPE.',
    unreachable:
      'No se pudo llegar al servidor {{host}} en el puerto {{port}}. Revise el nombre del servidor y el puerto, y que este equipo esté conectado a la red de la oficina.',
    auth: 'El servidor rechazó el usuario o la contraseña. Revíselos (la contraseña distingue mayúsculas de minúsculas).',
    noDatabase: 'El servidor no tiene una base de datos llamada «{{database}}». Pida a quien administra el servidor que la cree, vacía.',
    tooOld: 'El servidor tiene PostgreSQL {{version}}, una versión demasiado antigua: ArteINPE necesita PostgreSQL 12 o más reciente.',
    foreign: 'La base «{{database}}» ya contiene tablas de otro sistema. ArteINPE no la usará: elija una base vacía o la de ArteINPE.',
    newer: 'La base «{{database}}» es de una versión más nueva de ArteINPE: actualice la aplicación en este equipo antes de usarla.',
    passwordNeeded:
      'Escriba la contraseña: la contraseña guardada solo se usa con el mismo servidor, puerto, base y usuario para los que se guardó (y con la misma conexión cifrada), y no se envió a {{host}}.',
    tlsUnsupported:
      'El servidor {{host}} no acepta conexiones cifradas (TLS). Pida a quien lo administra que active TLS en PostgreSQL (ssl = on). Desmarque «Conexión cifrada (TLS)» solo si la red de la oficina es de confianza: sin TLS, la contraseña y los datos viajan sin cifrar.',
    tlsUntrusted:
      'No se pudo verificar el certificado del servidor {{host}}: no está firmado por una autoridad de confianza. Elija el certificado de la autoridad (CA) del servidor que le entregue quien lo administra. No se envió la contraseña.',
    tlsName:
      'El certificado del servidor no corresponde al nombre «{{host}}». Escriba el nombre del servidor tal como figura en su certificado (pregunte a quien lo administra). No se envió la contraseña.',
    tlsExpired:
      'El certificado del servidor {{host}} está vencido o todavía no es válido. Revise la fecha y hora de este equipo, o pida a quien administra el servidor que lo renueve.',
    tls: 'No se pudo establecer la conexión cifrada (TLS) con el servidor {{host}}: {{detail}}. Revise la opción TLS o el certificado del servidor.',
    other: 'No se pudo conectar con el servidor: {{detail}}',
  },
  copy: {
    title: 'Llevar mis datos al servidor',
    help: 'Copia una sola vez los datos de este equipo a una base vacía del servidor, en una sola operación, y comprueba cada tabla (cantidad de registros y huella SHA-256). Los archivos adjuntos (fotos, documentos) también van al servidor, comprobados por su huella.',
    confirm: 'Entiendo que la copia va a una base vacía del servidor y que esta PC conserva sus datos.',
    run: 'Llevar mis datos al servidor',
    done: 'Se copiaron {{rows}} registros de {{tables}} tablas al servidor y se comprobaron tabla por tabla (cantidades y huellas SHA-256).',
    filesCopied_one: 'También se llevó {{count}} archivo adjunto, comprobado por su huella SHA-256.',
    filesCopied_other: 'También se llevaron {{count}} archivos adjuntos, comprobados por su huella SHA-256.',
    filesMissing_one:
      'Faltaba en esta PC {{count}} archivo adjunto (o estaba dañado): no se pudo llevar y el registro que lo usa queda sin ese archivo.',
    filesMissing_other:
      'Faltaban en esta PC {{count}} archivos adjuntos (o estaban dañados): no se pudieron llevar y los registros que los usan quedan sin ese archivo.',
    notEmpty: 'La base «{{database}}» del servidor ya tiene datos: la copia solo va a una base vacía. No se cambió nada.',
    alreadyServer: 'Este equipo ya trabaja con el servidor de la oficina: no hay datos propios que llevar.',
    mismatch: 'La comprobación de la tabla {{table}} no coincidió: se deshizo la copia y el servidor quedó sin datos.',
    table: 'Tabla',
    rows: 'Registros',
  },
  attachments: {
    title: 'Archivos adjuntos',
    help: 'Fotos y documentos de toda la oficina. Se guardan en un solo lugar para todas las PC: en la base del servidor, o en una carpeta compartida de la red si el servidor tiene poco espacio o prefiere ver los archivos. Al cambiar, ArteINPE copia todos los archivos existentes al nuevo lugar y comprueba cada uno por su huella SHA-256.',
    database: 'En la base del servidor (predeterminado)',
    folder: 'En una carpeta compartida',
    path: 'Carpeta compartida',
    pathHelp:
      'Una carpeta de la red a la que lleguen todas las PC, por ejemplo \\\\servidor\\arteinpe\\adjuntos. Todas las PC deben poder escribir en ella.',
    save: 'Guardar lugar de los adjuntos',
    saved_one: 'Guardado. {{count}} archivo adjunto está en el nuevo lugar.',
    saved_other: 'Guardado. Los {{count}} archivos adjuntos están en el nuevo lugar.',
    inUse: 'En uso: {{place}}',
    errors: {
      localOnly:
        'Los archivos adjuntos se comparten solo con el servidor de la oficina. En «Este equipo» se guardan en la carpeta de datos de esta PC.',
      notAbsolute: 'Escriba la ruta completa de la carpeta, por ejemplo \\\\servidor\\arteinpe\\adjuntos.',
      notWritable:
        'Esta PC no puede escribir en «{{folder}}»: la carpeta no existe, no se alcanza por la red o no tiene permiso de escritura. No se cambió nada.',
      badPath: 'La ruta tiene caracteres no válidos (< > " | ? *).',
      missing_one: 'Falta {{count}} archivo adjunto (o está dañado) en el lugar actual: no se pudo copiar y no se cambió nada.',
      missing_other: 'Faltan {{count}} archivos adjuntos (o están dañados) en el lugar actual: no se pudieron copiar y no se cambió nada.',
      changed:
        'El archivo adjunto «{{file}}» de la carpeta compartida fue modificado: su contenido ya no es el que se guardó. ArteINPE no lo usa. Pida a quien administra el servidor que lo restaure desde una copia de seguridad.',
    },
    warnings: {
      otherHost:
        'La carpeta compartida está en el equipo «{{folderHost}}», no en el servidor de la base de datos («{{serverHost}}»). Los adjuntos quedarían separados de la base y de sus copias de seguridad, y no se verían si ese equipo está apagado. Si es el mismo equipo con otro nombre, puede ignorar este aviso.',
      notNetwork:
        'Esta no es una ruta de red (\\\\servidor\\carpeta): ArteINPE no puede comprobar que la carpeta esté en el servidor de la base de datos («{{serverHost}}»). Si es una unidad asignada (por ejemplo Z:), escriba mejor su ruta de red; una carpeta de esta PC no la ven las demás.',
    },
  },
  startup: {
    title: 'No se pudo abrir el servidor de la oficina',
    fallback: 'Puede trabajar con la base de este equipo (sus datos propios, no los del servidor) o salir y revisar la red.',
    useLocal: 'Usar la base de este equipo',
  },
  page: {
    nav: 'Base de datos',
    title: 'Base de datos',
    subtitle: 'Dónde guarda ArteINPE los datos de este equipo',
    where: 'Los datos se guardan en',
    local: 'Este equipo',
    localHelp: 'Una base SQLite en la carpeta de datos de este usuario. Para una sola PC; funciona sin red.',
    server: 'Servidor de la oficina',
    serverHelp: 'Una base PostgreSQL compartida: varias personas trabajan a la vez sobre los mismos datos.',
    activeNow: 'En uso ahora: {{mode}}',
    host: 'Servidor (nombre o IP)',
    port: 'Puerto',
    database: 'Base de datos',
    user: 'Usuario',
    password: 'Contraseña',
    passwordKept: 'Hay una contraseña guardada de forma protegida. Déjela en blanco para conservarla.',
    passwordProtected: 'La contraseña se guarda cifrada con el almacén seguro del sistema, nunca como texto.',
    ssl: 'Conexión cifrada (TLS)',
    sslHelp: 'Recomendado. La contraseña y los datos viajan cifrados, y se verifica el certificado del servidor.',
    sslOff: 'Sin TLS, la contraseña y los datos viajan sin cifrar por la red. Úselo solo en una red de confianza.',
    caCert: 'Certificado de la autoridad (CA) del servidor',
    caCertHelp:
      'Un archivo .pem o .crt que entrega quien administra el servidor. Sin él, se confía en las autoridades conocidas por este equipo.',
    caCertPlaceholder: 'Elegir archivo…',
    caCertKept: 'Certificado elegido: {{subject}}',
    caCertRemove: 'Quitar certificado',
    test: 'Probar conexión',
    save: 'Guardar y reiniciar',
    saved: 'Configuración guardada. La aplicación se reinicia para abrir la base elegida.',
    savedNoRestart: 'Configuración guardada.',
    readOnly: 'Solo lectura: actualice la aplicación',
  },
};

export const officeEn: Widen<typeof officeEs> = {
  errors: {
    staleBy:
      '{{name}} changed this record on {{date}} at {{time}}, while you were editing it. Your change was not saved: open the record again to see what changed; what you typed is still in the form.',
    outdatedApp:
      "The office server's database belongs to a newer version of ArteINPE. You can look things up but not save changes: update the application on this PC.",
    host: 'Type the server name or IP address, without spaces (for example, office-server or 192.168.1.20).',
    port: 'Type a port between 1 and 65535 (PostgreSQL uses 5432).',
    identifier: 'Use letters, digits and underscores, starting with a letter.',
    confirmCopy: 'Confirm that the copy goes to an empty server database.',
    serverBackups: "This PC works with the office server: that database's backups are made by whoever runs the server, not by each PC.",
    noSecrets: "This PC cannot keep the password protected (the system's secure store is not available). Nothing was saved.",
    caCert:
      'The file chosen is not a valid PEM certificate (it must contain "-----BEGIN CERTIFICATE-----"). Ask whoever runs the server for the certificate of its authority (CA).',
  },
  readOnlyBanner: 'Read only: the office server uses a newer version of ArteINPE. Update the application on this PC to save changes.',
  test: {
    ok: 'Connected to PostgreSQL {{version}}.',
    okEmpty: 'The database is empty: ArteINPE will create its tables when it is used.',
    okOurs: 'The database already holds ArteINPE data.',
    unreachable:
      'Could not reach the server {{host}} on port {{port}}. Check the server name and port, and that this PC is on the office network.',
    auth: 'The server refused the user or password. Check them (the password is case-sensitive).',
    noDatabase: 'The server has no database called "{{database}}". Ask whoever runs the server to create it, empty.',
    tooOld: 'The server runs PostgreSQL {{version}}, too old: ArteINPE needs PostgreSQL 12 or newer.',
    foreign:
      'The database "{{database}}" already holds tables of another system. ArteINPE will not use it: choose an empty database or ArteINPE\'s.',
    newer: 'The database "{{database}}" belongs to a newer version of ArteINPE: update the application on this PC before using it.',
    passwordNeeded:
      'Type the password: the saved password is only used with the same server, port, database and user it was saved for (and the same encrypted connection), and it was not sent to {{host}}.',
    tlsUnsupported:
      'The server {{host}} does not accept encrypted (TLS) connections. Ask whoever runs it to turn TLS on in PostgreSQL (ssl = on). Untick "Encrypted connection (TLS)" only on a trusted office network: without TLS, the password and the data travel unencrypted.',
    tlsUntrusted:
      "Could not verify the certificate of the server {{host}}: it is not signed by a trusted authority. Choose the certificate of the server's authority (CA), from whoever runs the server. The password was not sent.",
    tlsName:
      'The server certificate does not match the name "{{host}}". Type the server name as its certificate states it (ask whoever runs the server). The password was not sent.',
    tlsExpired:
      "The certificate of the server {{host}} has expired or is not valid yet. Check this PC's date and time, or ask whoever runs the server to renew it.",
    tls: 'Could not set up the encrypted (TLS) connection to the server {{host}}: {{detail}}. Check the TLS option or the server certificate.',
    other: 'Could not connect to the server: {{detail}}',
  },
  copy: {
    title: 'Take my data to the server',
    help: "Copies this PC's data once into an empty server database, in a single operation, and checks every table (row count and SHA-256). Attachment files (photos, documents) go to the server too, checked by their SHA-256.",
    confirm: 'I understand the copy goes to an empty server database and this PC keeps its data.',
    run: 'Take my data to the server',
    done: 'Copied {{rows}} records of {{tables}} tables to the server and checked them table by table (counts and SHA-256).',
    filesCopied_one: '{{count}} attachment file was taken too, checked by its SHA-256.',
    filesCopied_other: '{{count}} attachment files were taken too, checked by their SHA-256.',
    filesMissing_one:
      '{{count}} attachment file was missing on this PC (or damaged) and could not be taken; the record that uses it is left without that file.',
    filesMissing_other:
      '{{count}} attachment files were missing on this PC (or damaged) and could not be taken; the records that use them are left without that file.',
    notEmpty: 'The server database "{{database}}" already holds data: the copy only goes to an empty database. Nothing was changed.',
    alreadyServer: 'This PC already works with the office server: there is no data of its own to take.',
    mismatch: 'The check of table {{table}} did not match: the copy was undone and the server was left without data.',
    table: 'Table',
    rows: 'Records',
  },
  attachments: {
    title: 'Attachments',
    help: "The whole office's photos and documents. They are kept in one place for every PC: in the server's database, or in a shared network folder if the server is short of space or you prefer to see the files. When you change it, ArteINPE copies every existing file to the new place and checks each one by its SHA-256 fingerprint.",
    database: "In the server's database (default)",
    folder: 'In a shared folder',
    path: 'Shared folder',
    pathHelp: 'A network folder every PC reaches, for example \\\\server\\arteinpe\\attachments. Every PC must be able to write to it.',
    save: 'Save attachments place',
    saved_one: 'Saved. {{count}} attachment is in the new place.',
    saved_other: 'Saved. The {{count}} attachments are in the new place.',
    inUse: 'In use: {{place}}',
    errors: {
      localOnly: "Attachments are shared only with the office server. On \u201cThis PC\u201d they are kept in this PC's data folder.",
      notAbsolute: 'Type the full path of the folder, for example \\\\server\\arteinpe\\attachments.',
      notWritable:
        'This PC cannot write to \u201c{{folder}}\u201d: the folder does not exist, cannot be reached over the network or is not writable. Nothing was changed.',
      badPath: 'The path has characters that are not allowed (< > " | ? *).',
      missing_one: '{{count}} attachment is missing (or damaged) in the current place: it could not be copied and nothing was changed.',
      missing_other:
        '{{count}} attachments are missing (or damaged) in the current place: they could not be copied and nothing was changed.',
      changed:
        'The attachment "{{file}}" in the shared folder was modified: its content is no longer what was saved. ArteINPE does not use it. Ask whoever runs the server to restore it from a backup.',
    },
    warnings: {
      otherHost:
        'The shared folder is on the machine "{{folderHost}}", not on the database server ("{{serverHost}}"). The attachments would be apart from the database and its backups, and unavailable while that machine is off. If it is the same machine under another name, you can ignore this warning.',
      notNetwork:
        'This is not a network path (\\\\server\\folder): ArteINPE cannot check that the folder is on the database server ("{{serverHost}}"). If it is a mapped drive (for example Z:), type its network path instead; a folder of this PC is not seen by the other PCs.',
    },
  },
  startup: {
    title: 'Could not open the office server',
    fallback: "You can work with this PC's database (its own data, not the server's) or quit and check the network.",
    useLocal: "Use this PC's database",
  },
  page: {
    nav: 'Database',
    title: 'Database',
    subtitle: 'Where ArteINPE keeps the data of this PC',
    where: 'Data is kept in',
    local: 'This PC',
    localHelp: "A SQLite database in this user's data folder. For one PC; works without a network.",
    server: 'Office server',
    serverHelp: 'A shared PostgreSQL database: several people work at once on the same data.',
    activeNow: 'In use now: {{mode}}',
    host: 'Server (name or IP)',
    port: 'Port',
    database: 'Database',
    user: 'User',
    password: 'Password',
    passwordKept: 'A password is kept protected. Leave this blank to keep it.',
    passwordProtected: "The password is kept encrypted with the system's secure store, never as text.",
    ssl: 'Encrypted connection (TLS)',
    sslHelp: "Recommended. The password and the data travel encrypted, and the server's certificate is verified.",
    sslOff: 'Without TLS, the password and the data travel unencrypted over the network. Use it only on a trusted network.',
    caCert: "Server's authority (CA) certificate",
    caCertHelp: 'A .pem or .crt file from whoever runs the server. Without it, the authorities this PC knows are trusted.',
    caCertPlaceholder: 'Choose file…',
    caCertKept: 'Certificate chosen: {{subject}}',
    caCertRemove: 'Remove certificate',
    test: 'Test connection',
    save: 'Save and restart',
    saved: 'Settings saved. The application restarts to open the chosen database.',
    savedNoRestart: 'Settings saved.',
    readOnly: 'Read only: update the application',
  },
};
