package dev.quarry.hq.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.junit.jupiter.api.Test;

class DeployBranchTest {
    private static final ObjectId COMMIT = ObjectId.fromString("0123456789012345678901234567890123456789");

    private static ReceiveCommand create(String ref) {
        return new ReceiveCommand(ObjectId.zeroId(), COMMIT, ref);
    }

    private static ReceiveCommand delete(String ref) {
        return new ReceiveCommand(COMMIT, ObjectId.zeroId(), ref);
    }

    @Test
    void aNewStackDeploysTheOneBranchPushed() {
        ReceiveCommand feature = create("refs/heads/feature");
        assertEquals(Optional.of(feature), DeployBranch.choose("", List.of(feature, create("refs/tags/v1"))));
    }

    @Test
    void aNewStackDeploysMainThenMasterWhenSeveralBranchesArePushed() {
        ReceiveCommand main = create("refs/heads/main");
        ReceiveCommand master = create("refs/heads/master");
        ReceiveCommand other = create("refs/heads/other");
        assertEquals(Optional.of(main), DeployBranch.choose("", List.of(other, master, main)));
        assertEquals(Optional.of(master), DeployBranch.choose("", List.of(other, master)));
        assertEquals(Optional.empty(), DeployBranch.choose("", List.of(other, create("refs/heads/more"))));
    }

    @Test
    void aStackDeploysOnlyFromItsDeployBranch() {
        ReceiveCommand main = create("refs/heads/main");
        ReceiveCommand feature = create("refs/heads/feature");
        assertEquals(Optional.of(main), DeployBranch.choose("main", List.of(feature, main)));
        assertEquals(Optional.empty(), DeployBranch.choose("main", List.of(feature)));
    }

    @Test
    void deletingTheDeployBranchIsFound() {
        ReceiveCommand deletion = delete("refs/heads/main");
        assertEquals(Optional.of(deletion), DeployBranch.deletion("main", List.of(deletion)));
        assertEquals(Optional.empty(), DeployBranch.deletion("main", List.of(delete("refs/heads/old"))));
        assertEquals(Optional.empty(), DeployBranch.choose("main", List.of(deletion)));
    }
}
