package org.georisk.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import org.georisk.contracts.ServiceIdentity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.Role;
import org.georisk.gateway.service.ApiKeyService;
import org.georisk.gateway.service.ApiKeyView;
import org.georisk.gateway.service.BootstrapOpsKey;
import org.georisk.gateway.service.IssuedApiKey;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's own keys, analyst and ops (ops role). Feed keys are ingest-service's: {@code /api/v1/ops/feeds}.
 * A key is shown once, in the answer that creates it; afterwards only its name, role and creation time.
 */
@Path("/api/v1/ops/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceIdentity.OPS)
@Tag(name = "ops")
@SecurityRequirement(name = "apiKey")
public class ApiKeyResource {

    private static final String PATH = "/api/v1/ops/keys";

    @Inject
    ApiKeyService keys;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an analyst or ops key; the answer shows the key once (ops role)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IssuedApiKey.class)))
    @APIResponse(responseCode = "400", description = "name or role missing or invalid")
    @APIResponse(responseCode = "409", description = "a key of that name exists")
    public Response create(ApiKeyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String name = request == null ? null : request.name();
        checkName(name, errors);
        Role role = role(request == null ? null : request.role(), errors);
        if (!errors.isEmpty()) {
            return Problems.invalid("the key cannot be created", errors);
        }
        IssuedApiKey issued = keys.create(name, role);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(URI.create(PATH + "/" + name)).cacheControl(noStore).entity(issued).build();
    }

    @GET
    @Operation(summary = "Every analyst and ops key: name, role, created, revoked; never a key or hash (ops role)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
    public List<ApiKeyView> list() {
        return keys.list();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One key's name, role and creation time (ops role)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    public Response get(@PathParam("name") String name) {
        return keys.find(name).map(view -> Response.ok(view).build()).orElseGet(() -> notFound(name));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a key; it stops working with the next request (ops role)")
    @APIResponse(responseCode = "204")
    public Response delete(@PathParam("name") String name) {
        return keys.delete(name) ? Response.noContent().build() : notFound(name);
    }

    private static void checkName(String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required (a string)"));
        } else if (!name.matches(ApiKeyService.NAME_PATTERN)) {
            errors.add(new FieldError("name", "must match " + ApiKeyService.NAME_PATTERN));
        } else if (name.equals(BootstrapOpsKey.NAME)) {
            errors.add(new FieldError("name", "is reserved for the key of GEORISK_BOOTSTRAP_OPS_KEY"));
        }
    }

    private static Role role(String role, List<FieldError> errors) {
        if (role == null || role.isBlank()) {
            errors.add(new FieldError("role", "is required: analyst or ops"));
            return null;
        }
        return switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "analyst" -> Role.ANALYST;
            case "ops" -> Role.OPS;
            case "feed" -> {
                errors.add(new FieldError("role", "feed keys belong to ingest-service: POST /api/v1/ops/feeds"));
                yield null;
            }
            default -> {
                errors.add(new FieldError("role", "must be analyst or ops"));
                yield null;
            }
        };
    }

    private static Response notFound(String name) {
        return Problems.of(404, "not-found", "Not found", "no key named '" + name + "'");
    }
}
