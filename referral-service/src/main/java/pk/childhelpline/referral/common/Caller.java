package pk.childhelpline.referral.common;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated caller: user name, realm roles, and for officers the organisation and office claims
 * ({@code org}, {@code office}) that Keycloak puts in the token. Tests that use TestSecurity set the claims as
 * identity attributes of the same names.
 */
@RequestScoped
public class Caller {

    public static final String OPERATOR = "operator";
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    @Inject
    SecurityIdentity identity;

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> organisation() {
        return claim("org");
    }

    public Optional<String> office() {
        return claim("office");
    }

    private Optional<String> claim(String name) {
        Object attribute = identity.getAttribute(name);
        if (attribute != null) {
            return Optional.of(attribute.toString());
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return Optional.ofNullable(token.getClaim(name)).map(Object::toString);
        }
        return Optional.empty();
    }
}
