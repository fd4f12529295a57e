using Disgo.Sharding;

namespace Disgo.Redis.Tests;

public sealed class RedisIdentifyCoordinatorOptionsTests
{
    [Theory]
    [InlineData(null, "set exactly one")]
    [InlineData("", "set exactly one")]
    [InlineData("password=only", "names no server")]
    public void A_missing_or_serverless_configuration_is_refused_by_name(string? configuration, string expected)
    {
        var options = new RedisIdentifyCoordinatorOptions { Configuration = configuration };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("RedisIdentifyCoordinatorOptions.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" spaced", "KeyPrefix")]
    [InlineData("{tagged}", "KeyPrefix")]
    [InlineData("", "KeyPrefix")]
    public void A_key_prefix_that_would_break_the_hash_tag_is_refused(string prefix, string option)
    {
        var options = new RedisIdentifyCoordinatorOptions { Configuration = "127.0.0.1:6379", KeyPrefix = prefix };

        Assert.Equal(option, Assert.Throws<ArgumentException>(options.Validate).ParamName);
    }

    [Fact]
    public void Timeouts_that_cannot_work_are_refused_with_their_value()
    {
        var hold = new RedisIdentifyCoordinatorOptions { Configuration = "127.0.0.1:6379", HoldTimeout = TimeSpan.Zero };
        var poll = new RedisIdentifyCoordinatorOptions { Configuration = "127.0.0.1:6379", PollInterval = TimeSpan.FromSeconds(-1) };

        Assert.Contains("HoldTimeout is 00:00:00", Assert.Throws<ArgumentException>(hold.Validate).Message, StringComparison.Ordinal);
        Assert.Contains("PollInterval is -00:00:01", Assert.Throws<ArgumentException>(poll.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_is_shown_by_its_server_and_never_with_the_password()
    {
        var options = new RedisIdentifyCoordinatorOptions { Configuration = "10.1.2.3:6380,password=hunter2-secret" };

        Assert.Contains("10.1.2.3:6380", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Shard_manager_options_take_the_redis_coordinator_and_check_its_options_at_once()
    {
        var shardOptions = new ShardManagerOptions();

        Assert.Throws<ArgumentException>(() => shardOptions.UseRedisIdentifyCoordination(new RedisIdentifyCoordinatorOptions()));
        Assert.Equal(BucketedIdentifyCoordinator.Create, shardOptions.IdentifyCoordinatorFactory);
        shardOptions.UseRedisIdentifyCoordination(new RedisIdentifyCoordinatorOptions { Configuration = "127.0.0.1:6379", KeyPrefix = "bot" });
        Assert.IsType<RedisIdentifyCoordinator>(shardOptions.IdentifyCoordinatorFactory(new IdentifyCoordinatorContext { MaxConcurrency = 2 }));
    }
}
