package dev.elevate.grant;

import java.util.UUID;

/** No such extension on this request. */
public class ExtensionNotFoundException extends RuntimeException {

    public ExtensionNotFoundException(UUID requestId, UUID extensionId) {
        super("Access request " + requestId + " has no extension " + extensionId);
    }
}
