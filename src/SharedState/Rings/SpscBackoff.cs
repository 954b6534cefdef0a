using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActorConcurrency.SharedState.Rings;

/// <summary>
/// How a side of <see cref="SpscTransfer"/> waits when its ring is full (producer) or empty (consumer): the policy
/// of the benchmarks' native ring (<c>bench/Rings/native/spsc_ring.cpp</c>), so the C# and native forms are measured
/// under one rule. A <c>pause</c> instruction per failed try, and a yield of the core after <see cref="YieldAfter"/> failures in a row (the
/// other side may be descheduled on a shared machine). <see cref="Reset"/> after every success: a
/// <see cref="SpinWait"/> that is never reset yields on every empty poll once it passed ten, which is a
/// system call per poll.
/// </summary>
public struct SpscBackoff
{
    /// <summary>Failed tries in a row before the waiting side yields.</summary>
    public const int YieldAfter = 1024;

    private int _failures;

    /// <summary>Called after a failed try.</summary>
    public void Wait()
    {
        if (++_failures >= YieldAfter)
        {
            _failures = 0;
            Thread.Yield();
        }
        else if (X86Base.IsSupported)
        {
            X86Base.Pause();
        }
        else if (ArmBase.IsSupported)
        {
            ArmBase.Yield();
        }
    }

    /// <summary>Called after a successful try.</summary>
    public void Reset() => _failures = 0;
}
