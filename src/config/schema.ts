/**
 * The one source of truth for arsipd's configuration. Every key has a default where one makes
 * sense and a one-line description (`.describe`), from which `arsipd config --defaults` prints
 * the commented default file. Unknown keys are errors (`strict`), so a typo never silently
 * falls back to a default.
 */
import cron from "node-cron";
import * as z from "zod";
import { isTimeZone } from "../util/office-time.js";

/** A node-cron expression; the daemon would otherwise die on start or SIGHUP. */
function cronExpr(fallback: string, what: string) {
  return z
    .string()
    .default(fallback)
    .refine((s) => cron.validate(s), "not a valid cron expression (e.g. '*/15 * * * *')")
    .describe(what);
}

/** host:port with a port 0-65535; IPv6 hosts in brackets. */
const LISTEN = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

const jenisSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]*$/, "upper-case letters, digits and '-'")
      .max(40)
      .refine((c) => !/^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$/.test(c), "a Windows device name")
      .describe("Folder and file-name code, e.g. KPT-KETUA"),
    label: z
      .string()
      .min(1)
      .describe("Formal title, e.g. 'Keputusan Ketua KPU Kota Jakarta Utara'"),
    aliases: z
      .array(z.string().min(1))
      .default([])
      .describe("Words staff type for this jenis, e.g. 'sk ketua', 'kep ketua'"),
    styleBMarkers: z
      .array(z.string().min(1))
      .default([])
      .describe("Issuer markers in old-style numbers, e.g. 'KPU-Kot' (chair) or 'Sek-Kot'"),
  })
  .describe("A kind of decree");

export const DEFAULT_JENIS = [
  {
    code: "KPT-KETUA",
    label: "Keputusan Komisi Pemilihan Umum Kota Jakarta Utara",
    aliases: [
      "keputusan ketua",
      "kep ketua",
      "kpt ketua",
      "sk ketua",
      "keputusan kpu",
      "keputusan komisi pemilihan umum",
      "sk kpu",
      "kpt kpu",
      "kpts kpu",
      "kep kpu",
      // KPU Daerah: the offices' name until 2007, on the older decrees in the archive.
      "keputusan kpud",
      "sk kpud",
      "kep kpud",
      "kpt kpud",
      "kpts kpud",
    ],
    styleBMarkers: ["KPU-Kot", "KPU-Kota", "Kpts/KPU-Kota", "Kpts/KPU-Kot"],
  },
  {
    code: "KPT-SEKRETARIS",
    label: "Keputusan Sekretaris Komisi Pemilihan Umum Kota Jakarta Utara",
    aliases: [
      "keputusan sekretaris",
      "kep sekretaris",
      "kep sek",
      "kpt sekretaris",
      "kpt sek",
      "sk sekretaris",
      "sk sekretariat",
      "keputusan sekretariat",
      "kep sekretariat",
      "kpt sekretariat",
      "sk sek",
      // "Sekr": the other short form clerks type for the secretary.
      "sk sekr",
      "kep sekr",
      "kpt sekr",
      // "Sekret": short for the secretary's and the secretariat's alike, both this jenis.
      "sk sekret",
      "kep sekret",
      "kpt sekret",
      "sk sekre",
      "kep sekre",
      "kpt sekre",
    ],
    styleBMarkers: ["Sek-Kot", "Sek-Kota"],
  },
];

/**
 * The issuing office whose decrees the archive holds. A name that names another institution (a
 * KPU of another city, regency or province, KPU RI, Bawaslu, a PPK, a ministry …) or carries
 * another office's code in an old-style number is never filed (convention/office.ts).
 */
const officeSchema = z
  .strictObject({
    names: z
      .array(z.string().min(1))
      .default([
        "kota jakarta utara",
        "kota administrasi jakarta utara",
        "kota adm jakarta utara",
        "kota adm. jakarta utara",
        "jakarta utara",
        "jakut",
        "kota jakut",
        "jkt utara",
        "kota jkt utara",
        // The city's name until 1999, on the oldest decrees in the archive.
        "kotamadya jakarta utara",
        "kodya jakarta utara",
        // In English, as translations and JDIH's English pages name it.
        "north jakarta",
        "north jakarta city",
      ])
      .describe(
        "How names spell this office's place after 'KPU' / 'Komisi Pemilihan Umum' (e.g. 'kota jakarta utara', 'jakut')",
      ),
    regionCodes: z
      .array(z.string().regex(/^\d{2,6}$/, "digits"))
      .default(["3172"])
      .describe(
        "Region codes in old-style numbers (…/3172/KPU-Kot/…) that are this office's; outside DKI, its area's districts and villages too; a code in Aceh (11…) names the commission KIP as well as KPU ('KIP Banda Aceh', …/KIP-Kot/…)",
      ),
    oldCodes: z
      .array(z.string().regex(/^[0-9][0-9.]*$/, "digits and dots"))
      .default([])
      .describe(
        "Office codes in 2011–2017 numbers (…/Kpts/KPU-Kota-<code>/…) that are this office's; any other code is another office",
      ),
  })
  .describe("This office: names, region and office codes");

export type OfficeConfig = z.infer<typeof officeSchema>;

export const conventionSchema = z
  .strictObject({
    office: officeSchema.prefault({}),
    jenis: z.array(jenisSchema).min(1).default(DEFAULT_JENIS).describe("The kinds of decree"),
    extensions: z
      .array(z.string().regex(/^[a-z0-9]+$/, "lower-case extension without dot"))
      .default(["pdf", "docx", "doc", "odt", "jpg", "jpeg", "png", "tif", "tiff"])
      .describe(
        "File extensions that are decrees. A scan or photo of another type (HEIC, BMP …) or a decree-named file of another type is quarantined; any other file is left where it is (mirrored, listed by check)",
      ),
    yearMin: z.number().int().default(2000).describe("Earliest year a decree can carry"),
    yearMax: z
      .number()
      .int()
      .optional()
      .describe(
        "Latest year a decree can carry (default: the current year, from 25 December also the next)",
      ),
    maxNameLength: z
      .number()
      .int()
      .min(40)
      .max(200)
      .default(120)
      .describe("Longest canonical file name, in characters"),
    nomorPad: z.number().int().min(1).max(6).default(3).describe("Zero-pad serials to this width"),
    quarantineDir: z
      .string()
      .default("_KARANTINA")
      .describe("Folder (in the share) for files the convention cannot read"),
    inboxDirs: z
      .array(z.string())
      .default(["MASUK"])
      .describe("Folders where staff drop new files (any folder in the share is read too)"),
    ignore: z
      .array(z.string())
      .default([])
      .describe("Extra glob-like patterns of names never touched (added to the built-in list)"),
  })
  .describe("The naming and folder convention");

const remoteSchema = z
  .strictObject({
    type: z
      .enum(["local", "webdav"])
      .default("local")
      .describe("'webdav' for OwnCloud/Nextcloud/any WebDAV server, 'local' for a folder"),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//i.test(u), "only http:// or https:// URLs are supported")
      .optional()
      .describe("WebDAV root of the user, e.g. https://cloud.example/remote.php/dav/files/arsip"),
    username: z.string().optional().describe("WebDAV user name"),
    password: z
      .string()
      .optional()
      .describe(
        "Better left out: use ARSIPD_REMOTE_PASSWORD(_FILE) or the systemd credential 'remote-password'",
      ),
    root: z
      .string()
      .default("/Arsip")
      .describe("Folder inside the WebDAV root that mirrors the share"),
    path: z
      .string()
      .default("./data/mirror")
      .describe("Folder that stands in for the remote when type is 'local'"),
    concurrency: z.number().int().min(1).max(32).default(4).describe("Parallel transfers"),
    timeoutMs: z.number().int().min(1000).default(60_000).describe("Per-request timeout"),
    retries: z.number().int().min(0).max(20).default(5).describe("Retries of a failed request"),
    webUrl: z
      .string()
      .optional()
      .describe(
        "Link pattern for a file's web page in the register and feed; {path} is the file's remote path, {dir} its folder, {name} its name (default: derived from url)",
      ),
  })
  .describe("Where the archive is mirrored");

export const configSchema = z
  .strictObject({
    share: z.string().default("./arsip").describe("The shared folder staff save decrees into"),
    timezone: z
      .string()
      .default("Asia/Jakarta")
      .refine(isTimeZone, "an IANA time zone such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura")
      .describe("The office's time zone: times in quarantine notes and 'arsipd status' use it"),
    stateDir: z
      .string()
      .default("./data/state")
      .describe("Journal, logs and status (not inside the share)"),
    remote: remoteSchema.prefault({}),
    watch: z
      .strictObject({
        polling: z
          .boolean()
          .default(false)
          .describe("Poll instead of inotify: set true for SMB/CIFS and NFS mounts"),
        pollIntervalMs: z.number().int().min(100).default(2000).describe("Polling interval"),
        stabilityMs: z
          .number()
          .int()
          .min(0)
          .default(2000)
          .describe("A file must keep its size and mtime this long before it is touched"),
        incompleteMs: z
          .number()
          .int()
          .min(0)
          .default(3_600_000)
          .describe(
            "A quiet file whose format says it is cut short (PDF without %%EOF …) waits this long, then is quarantined",
          ),
        debounceMs: z
          .number()
          .int()
          .min(0)
          .default(1000)
          .describe("Changes are gathered this long into one batch"),
      })
      .prefault({})
      .describe("Watching the share"),
    schedule: z
      .strictObject({
        fullPass: cronExpr("*/15 * * * *", "Cron: full rescan and mirror"),
        index: cronExpr("0 * * * *", "Cron: rebuild the register"),
        summary: cronExpr("0 18 * * *", "Cron: daily summary line in the log"),
      })
      .prefault({})
      .describe("Scheduled jobs (node-cron syntax)"),
    deletes: z
      .strictObject({
        mode: z
          .enum(["trash", "keep"])
          .default("trash")
          .describe(
            "A file removed locally: move it to the trash folder on the remote, or keep it",
          ),
        trashDir: z.string().default("_Dihapus").describe("Remote trash folder (dated subfolders)"),
        maxFraction: z
          .number()
          .min(0)
          .max(1)
          .default(0.1)
          .describe("Stop the pass if more than this share of the archive vanished at once"),
        minFiles: z
          .number()
          .int()
          .min(1)
          .default(20)
          .describe(
            "...and at least this many files: a few routine renames in a small archive are not a mass delete",
          ),
      })
      .prefault({})
      .describe("What happens when a file disappears from the share"),
    convention: conventionSchema.prefault({}),
    ocr: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .describe("Read scans (image-only PDFs, JPEG/PNG/TIFF) with tesseract to check them"),
        workers: z.number().int().min(1).max(8).default(1).describe("OCR runs at once"),
        lang: z.string().default("ind").describe("Tesseract language model"),
        minConfidence: z
          .number()
          .min(0)
          .max(100)
          .default(70)
          .describe("Below this mean word confidence a reading claims nothing"),
        timeoutMs: z
          .number()
          .int()
          .min(1000)
          .default(120_000)
          .describe("A file's OCR taking longer is abandoned: it is filed by its name"),
        searchablePdf: z
          .boolean()
          .default(false)
          .describe(
            "Also write a searchable PDF of each OCR'd scan to _PDF-TEKS/<JENIS>/<TAHUN>/ (mirrored; the JDIHN feed links it); the scan itself is never changed",
          ),
      })
      .prefault({})
      .describe("Reading decrees' own pages (text layer, OCR) to check their names"),
    index: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Write the register into the share"),
        baseName: z.string().default("Indeks-Keputusan").describe("File name of the register"),
        csvSeparator: z.string().length(1).default(";").describe("CSV field separator"),
        metadataFile: z
          .string()
          .default("Metadata-Keputusan.csv")
          .describe("Staff-edited metadata (tanggal, status, lokasi fisik …) in the share root"),
        debounceMs: z.number().int().min(0).default(10_000).describe("Rebuild delay after changes"),
      })
      .prefault({})
      .describe("The register (XLSX and CSV)"),
    feed: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Write jdihn.json into the share"),
        fileName: z.string().default("jdihn.json").describe("File name of the JDIHN feed"),
        publish: z
          .enum(["all", "with-status"])
          .default("all")
          .describe("Which decrees to publish: all, or only those with a status in the metadata"),
        teuBadan: z
          .string()
          .default("Indonesia. Komisi Pemilihan Umum Kota Jakarta Utara")
          .describe("Issuing body, JDIHN 'teuBadan'"),
        tempatTerbit: z.string().default("Jakarta").describe("Place of issue"),
        bahasa: z.string().default("Indonesia").describe("Language"),
        bidangHukum: z.string().default("Hukum Tata Negara").describe("Field of law"),
        sumber: z.string().default("-").describe("Source"),
        singkatanJenis: z
          .record(z.string(), z.string().min(1))
          .default({})
          .describe("Short name per jenis code for JDIHN 'singkatanJenis' (default: the code)"),
        publicBaseUrl: z
          .string()
          .optional()
          .describe("Public download base URL; default: the remote's web link"),
        listen: z
          .string()
          .default("127.0.0.1:8089")
          .refine((s) => {
            const m = LISTEN.exec(s);
            return m !== null && Number(m[1]) <= 65535;
          }, "not host:port (e.g. 127.0.0.1:8089)")
          .describe("host:port for `arsipd serve-feed` (loopback by default)"),
        publicLinks: z
          .enum(["none", "ocs-v1", "ocs-v2"])
          .default("none")
          .describe(
            "Give each published decree's PDF a public link (OCS Share API, no password) as urlDownload: ocs-v1 (ownCloud 10) or ocs-v2 (Nextcloud); decrees without a working link are left out of the feed",
          ),
      })
      .prefault({})
      .describe("The JDIHN JSON feed"),
    web: z
      .strictObject({
        enabled: z
          .boolean()
          .default(false)
          .describe("Serve the read-only web page from the daemon"),
        listen: z
          .string()
          .default("127.0.0.1:8090")
          .describe(
            "host:port of the web page; loopback by default. Another address needs a password (ARSIPD_WEB_PASSWORD) or a reverse proxy",
          ),
      })
      .prefault({})
      .describe("The read-only web page (state, quarantine, today's activity, search)"),
    notify: z
      .strictObject({
        enabled: z.boolean().default(false).describe("E-mail the admins about problems"),
        to: z.array(z.string().email()).default([]).describe("Who gets the e-mails"),
        from: z.string().default("arsipd@localhost").describe("Sender address"),
        smtp: z
          .strictObject({
            host: z.string().default("localhost").describe("SMTP server"),
            port: z.number().int().min(1).max(65535).default(587).describe("SMTP port"),
            secure: z
              .boolean()
              .default(false)
              .describe("TLS from the start (port 465); else STARTTLS when offered"),
            username: z
              .string()
              .optional()
              .describe("SMTP login; the password comes from ARSIPD_SMTP_PASSWORD"),
          })
          .prefault({}),
        after: z
          .number()
          .int()
          .min(1)
          .default(30)
          .describe(
            "Minutes the server may be unreachable (or the mirror failing) before an e-mail",
          ),
        digest: z
          .boolean()
          .default(false)
          .describe("Instead of one e-mail per event, one summary a day"),
      })
      .prefault({})
      .describe("E-mail notifications"),
    log: z
      .strictObject({
        level: z
          .enum(["trace", "debug", "info", "warn", "error", "fatal"])
          .default("info")
          .describe("Least severe level that is logged"),
        maxSizeMB: z.number().min(1).default(10).describe("Rotate the log file at this size"),
        maxFiles: z.number().int().min(1).default(10).describe("Rotated log files kept"),
      })
      .prefault({})
      .describe("Logging"),
  })
  .describe("arsipd configuration");

export type Config = z.infer<typeof configSchema>;
export type ConventionConfig = z.infer<typeof conventionSchema>;
export type JenisConfig = z.infer<typeof jenisSchema>;
