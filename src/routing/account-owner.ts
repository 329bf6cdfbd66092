/**
 * The owner of the account a lead's email belongs to, matched by domain: the email's domain, lower
 * case, without a leading `www.`, then each parent domain in turn (`eu.acme.com`, then `acme.com`), so a
 * subsidiary's address reaches the parent's owner unless the subsidiary has one of its own. Stopping
 * before a bare top-level label (`com`) keeps two companies from sharing an owner; a public-suffix list
 * (`co.uk`) is not consulted, so list owners by the domain the company uses.
 */
export function accountOwnerOf(
  email: string | undefined,
  owners: Readonly<Record<string, string>>,
): { readonly owner: string; readonly domain: string } | undefined {
  const domain = domainOf(email);
  if (domain === undefined) return undefined;
  const labels = domain.split(".");
  for (let i = 0; i + 1 < labels.length; i += 1) {
    const candidate = labels.slice(i).join(".");
    const owner = Object.hasOwn(owners, candidate) ? owners[candidate] : undefined;
    if (owner !== undefined) return { owner, domain: candidate };
  }
  return undefined;
}

/** The normalised domain of an email address or a bare domain, or undefined when there is none. */
export function domainOf(email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const at = email.lastIndexOf("@");
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/^www\./u, "")
    .replace(/\.$/u, "");
  return domain.includes(".") && !/\s/u.test(domain) ? domain : undefined;
}
