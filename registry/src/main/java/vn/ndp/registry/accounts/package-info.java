/**
 * Accounts, roles and sign-in. Each account has one {@link vn.ndp.registry.accounts.Role}
 * and, for editors and operators, a scope (an agency, a province, or the
 * platforms it operates) that the server enforces on every request
 * ({@link vn.ndp.registry.accounts.Scopes}). Local passwords are hashed with
 * Argon2id and lock the account after repeated failures; people may instead
 * sign in through an OpenID Connect provider; machines use revocable personal
 * API tokens. Everything not explicitly public is denied.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package vn.ndp.registry.accounts;
