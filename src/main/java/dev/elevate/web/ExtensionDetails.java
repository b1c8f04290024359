package dev.elevate.web;

import java.util.List;

import dev.elevate.approval.Approval;
import dev.elevate.grant.GrantExtension;

/** One extension of a grant, with the decisions on it. */
public record ExtensionDetails(GrantExtension extension, List<Approval> decisions) {
}
