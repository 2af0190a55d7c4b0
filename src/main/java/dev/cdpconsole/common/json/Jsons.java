package dev.cdpconsole.common.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider, looked up once: {@code JSON.createObjectBuilder()} and its kin look the provider up
 * through the service loader on every call, which in an application server costs more than the work itself.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
