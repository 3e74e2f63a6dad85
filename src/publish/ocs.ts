/**
 * A minimal client of the OCS Share API (ownCloud 10 Share20OcsController, Nextcloud
 * ShareAPIController) for public links only: list a path's shares, create a read-only link, get
 * one, delete one. Plain node:http/https, one request per call, JSON forced with `format=json`
 * (ownCloud ignores Accept) and `OCS-APIRequest: true` always (Nextcloud refuses OCS calls
 * without it). Both answer shapes are understood: v1 (HTTP 200, meta.statuscode 100 = ok, errors
 * in meta) and v2 (statuscode 200, HTTP status = OCS code). Failures become ArsipdError with the
 * kind decided by http-errors.ts; the password goes into the Authorization header only and never
 * into a message (messages carry the credential-free URL).
 */
import http from "node:http";
import https from "node:https";
import type { Secret } from "../config/secret.js";
import { ArsipdError } from "../errors.js";
import { safeUrl, statusKind, toArsipdError } from "../remote/http-errors.js";
import { withRetry } from "../remote/retry.js";

export interface OcsOptions {
  /** Server base: everything before /remote.php (may hold a sub-path). */
  base: string;
  version: 1 | 2;
  username?: string | undefined;
  password?: Secret | undefined;
  timeoutMs: number;
  retries: number;
}

/** One share as both servers describe it (fields arsipd uses). */
export interface OcsShare {
  id: string;
  shareType: number;
  token: string;
  url: string;
  path: string;
  /** A password is set (ownCloud shows share_with "***redacted***", Nextcloud a password hash). */
  hasPassword: boolean;
  expiration: string | null;
}

/** The server's policy refused a link without password or expiry (ownCloud/Nextcloud 403). */
export class LinkPolicyError extends ArsipdError {
  constructor(message: string) {
    super("PUBLIC_LINK_POLICY", "fatal", message);
    this.name = "LinkPolicyError";
  }
}

export class OcsClient {
  readonly #o: OcsOptions;
  readonly #api: string;
  constructor(o: OcsOptions) {
    this.#o = o;
    this.#api = `${o.base.replace(/\/+$/, "")}/ocs/v${o.version}.php/apps/files_sharing/api/v1/shares`;
  }

  /** The shares on one path (home-relative, e.g. /Arsip/KPT-KETUA/2024/x.pdf); [] when none; null when the path does not exist. */
  async sharesOf(path: string): Promise<OcsShare[] | null> {
    const q = new URLSearchParams({ path, reshares: "true", format: "json" });
    try {
      return list(await this.#call("GET", `${this.#api}?${q}`));
    } catch (err) {
      if (err instanceof ArsipdError && err.kind === "notFound") return null;
      throw err;
    }
  }

  /** One share by id; null when it no longer exists. */
  async get(id: string): Promise<OcsShare | null> {
    try {
      const data = list(
        await this.#call("GET", `${this.#api}/${encodeURIComponent(id)}?format=json`),
      );
      return data[0] ?? null;
    } catch (err) {
      if (err instanceof ArsipdError && err.kind === "notFound") return null;
      throw err;
    }
  }

  /** A new read-only public link without password or expiry; LinkPolicyError when policy forbids it. */
  async createLink(path: string): Promise<OcsShare> {
    const body = new URLSearchParams({ path, shareType: "3", permissions: "1" }).toString();
    try {
      return share(await this.#call("POST", `${this.#api}?format=json`, body));
    } catch (err) {
      if (err instanceof ArsipdError && err.code === "OCS_403")
        throw new LinkPolicyError(err.message);
      throw err;
    }
  }

  /** Removes a share; a share already gone is not an error. */
  async remove(id: string): Promise<void> {
    try {
      await this.#call("DELETE", `${this.#api}/${encodeURIComponent(id)}?format=json`);
    } catch (err) {
      if (err instanceof ArsipdError && err.kind === "notFound") return;
      throw err;
    }
  }

  async #call(method: string, url: string, body?: string): Promise<unknown> {
    const what = `${method} ${safeUrl(url.split("?")[0] ?? url)}`;
    return withRetry(() => this.#once(method, url, what, body), { retries: this.#o.retries });
  }

  #once(method: string, url: string, what: string, body?: string): Promise<unknown> {
    const u = new URL(url);
    const headers: Record<string, string> = {
      "OCS-APIRequest": "true",
      Accept: "application/json",
    };
    const pw = this.#o.password?.reveal();
    if (this.#o.username !== undefined)
      headers.Authorization = `Basic ${Buffer.from(`${this.#o.username}:${pw ?? ""}`).toString("base64")}`;
    if (body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(body));
    }
    const mod = u.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(u, { method, headers, timeout: this.#o.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (e) => reject(toArsipdError(e, what)));
        res.on("end", () => {
          try {
            resolve(parseOcs(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8"), what));
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on("timeout", () =>
        req.destroy(Object.assign(new Error("timeout"), { name: "TimeoutError" })),
      );
      req.on("error", (e) => reject(toArsipdError(e, what)));
      req.end(body);
    });
  }
}

/** The `data` of an OCS answer, or the error it carries (v1 in meta, v2 in the HTTP status too). */
export function parseOcs(httpStatus: number, text: string, what: string): unknown {
  let doc: { ocs?: { meta?: { statuscode?: unknown; message?: unknown }; data?: unknown } };
  try {
    doc = JSON.parse(text);
  } catch {
    if (httpStatus >= 400) throw codeError(httpStatus, what, "");
    throw new ArsipdError(
      "OCS_BAD_ANSWER",
      "fatal",
      `${what}: HTTP ${httpStatus}, not an OCS JSON answer`,
    );
  }
  const code = Number(doc.ocs?.meta?.statuscode ?? httpStatus);
  const message = typeof doc.ocs?.meta?.message === "string" ? doc.ocs.meta.message : "";
  if (code === 100 || code === 200) return doc.ocs?.data;
  throw codeError(code === 997 ? 401 : code, what, message);
}

function codeError(code: number, what: string, message: string): ArsipdError {
  const kind = code === 403 ? "fatal" : statusKind(code);
  const said = message ? `: ${message.split("\n")[0]}` : "";
  return new ArsipdError(`OCS_${code}`, kind, `${what}: OCS ${code}${said}`);
}

function list(data: unknown): OcsShare[] {
  return Array.isArray(data) ? data.map(share) : [];
}

function share(raw: unknown): OcsShare {
  const r = (raw ?? {}) as Record<string, unknown>;
  const sw = r.share_with;
  const pw = r.password;
  return {
    id: String(r.id ?? ""),
    shareType: Number(r.share_type),
    token: String(r.token ?? ""),
    url: String(r.url ?? ""),
    path: String(r.path ?? ""),
    hasPassword:
      (typeof pw === "string" && pw !== "") ||
      (Number(r.share_type) === 3 && typeof sw === "string" && sw !== ""),
    expiration: typeof r.expiration === "string" && r.expiration !== "" ? r.expiration : null,
  };
}
