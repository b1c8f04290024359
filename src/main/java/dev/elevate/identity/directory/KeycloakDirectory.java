package dev.elevate.identity.directory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Reads people, groups and realm roles from Keycloak's admin API at the moment of asking.
 * Nothing is cached: a person removed from a group is seen as removed on the next call.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final int PAGE = 200;
    /** A bound on group nesting and membership walks, against cycles and huge groups. */
    private static final int MAX_PEOPLE = 5000;

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "elevate.oidc.realm")
    String realm;

    /** The person with this Keycloak subject; empty when Keycloak has no such user. */
    public Optional<Person> person(String subject) {
        return call(() -> {
            RealmResource r = keycloak.realm(realm);
            UserRepresentation user;
            try {
                user = r.users().get(subject).toRepresentation();
            } catch (NotFoundException e) {
                return Optional.<Person>empty();
            }
            Set<String> groups = r.users().get(subject).groups(0, PAGE, false).stream()
                    .map(GroupRepresentation::getPath)
                    .collect(Collectors.toSet());
            Set<String> roles = r.users().get(subject).roles().realmLevel().listEffective()
                    .stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
            return Optional.of(new Person(user.getId(), user.getUsername(),
                    Boolean.TRUE.equals(user.isEnabled()), groups, roles));
        });
    }

    /**
     * Enabled people in any of the groups (members of their subgroups included) or holding any
     * of the roles directly, through a group, or through a composite realm role that contains
     * it, keyed by subject: the same people whose effective roles {@link #person} would show.
     * Unknown groups or roles name nobody.
     *
     * <p>TODO: a realm role reached only through a composite client role is not followed; the
     * decision-time check still sees such holders, so only the submission-time "could anyone
     * approve" count misses them.
     */
    public Map<String, String> members(List<String> groupPaths, List<String> roleNames) {
        return call(() -> {
            RealmResource r = keycloak.realm(realm);
            Map<String, String> people = new LinkedHashMap<>();
            Deque<String> groupIds = new ArrayDeque<>();
            for (String path : groupPaths) {
                groupId(r, path).ifPresent(groupIds::add);
            }
            for (String role : withCompositesHolding(r, roleNames)) {
                try {
                    addAll(people, r.roles().get(role).getUserMembers(true, 0, MAX_PEOPLE));
                    r.roles().get(role).getRoleGroupMembers(0, PAGE)
                            .forEach(g -> groupIds.add(g.getId()));
                } catch (NotFoundException e) {
                    // a role that does not exist names nobody
                }
            }
            Map<String, Boolean> seen = new HashMap<>();
            while (!groupIds.isEmpty() && people.size() < MAX_PEOPLE) {
                String id = groupIds.pop();
                if (seen.put(id, true) != null) {
                    continue;
                }
                addAll(people, r.groups().group(id).members(0, MAX_PEOPLE, false));
                r.groups().group(id).getSubGroups(0, PAGE, true)
                        .forEach(g -> groupIds.add(g.getId()));
            }
            return people;
        });
    }

    /**
     * The roles named, and every composite realm role that contains one of them at any depth:
     * whoever holds those holds the named role in effect.
     */
    private static Set<String> withCompositesHolding(RealmResource r, List<String> roleNames) {
        Set<String> found = new LinkedHashSet<>(roleNames);
        if (roleNames.isEmpty()) {
            return found;
        }
        Map<String, Set<String>> containedBy = new HashMap<>();
        for (RoleRepresentation role : r.roles().list(false)) {
            if (Boolean.TRUE.equals(role.isComposite())) {
                for (RoleRepresentation part : r.rolesById().getRealmRoleComposites(role.getId())) {
                    containedBy.computeIfAbsent(part.getName(), k -> new HashSet<>())
                            .add(role.getName());
                }
            }
        }
        Deque<String> walk = new ArrayDeque<>(roleNames);
        while (!walk.isEmpty()) {
            for (String parent : containedBy.getOrDefault(walk.pop(), Set.of())) {
                if (found.add(parent)) {
                    walk.add(parent);
                }
            }
        }
        return found;
    }

    private static Optional<String> groupId(RealmResource r, String path) {
        try {
            return Optional.ofNullable(r.getGroupByPath(path)).map(GroupRepresentation::getId);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static void addAll(Map<String, String> people, List<UserRepresentation> users) {
        for (UserRepresentation user : users) {
            if (Boolean.TRUE.equals(user.isEnabled())) {
                people.putIfAbsent(user.getId(), user.getUsername());
            }
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (WebApplicationException | ProcessingException e) {
            throw new DirectoryException("Keycloak could not be asked about people and groups: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
