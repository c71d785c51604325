// A real OpenID Connect provider for the test suite: node-oidc-provider (an OpenID-certified
// implementation, from package.json), with its built-in sign-in and consent pages. Any login name
// is accepted, with any password; the login name is the person's subject. Claims: a login name
// "someone@council.example" has that verified email address; "unverified:someone@..." has it
// unverified; "noemail:someone" has none. Redirect URIs: our return address on this machine, at any
// port (the live server's is chosen when it starts).
//   node oidc_provider.mjs PORT CLIENT_ID CLIENT_SECRET
import Provider from "oidc-provider";

const [port, clientId, clientSecret] = process.argv.slice(2);
const RETURN_PATH = "/sign-in/council-account/return/";
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`http://testserver${RETURN_PATH}`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  async findAccount(ctx, id) {
    const [kind, rest] = id.includes(":") ? id.split(/:(.*)/s) : ["", id];
    const claims = { sub: id, name: rest };
    if (kind !== "noemail") Object.assign(claims, { email: rest, email_verified: kind !== "unverified" });
    return { accountId: id, async claims() { return claims; } };
  },
});
provider.Client.prototype.redirectUriAllowed = (uri) => {
  const url = new URL(uri);
  return ["127.0.0.1", "localhost", "testserver"].includes(url.hostname) && url.pathname === RETURN_PATH && !url.search;
};
provider.listen(Number(port), "127.0.0.1", () => console.log(`ready ${provider.issuer}`));
